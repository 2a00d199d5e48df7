package org.musicoder.kernel.magic;

import org.musicoder.cli.options.Candidates;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %mask cfm|ccm|cfm+ccm [--seed N] [--clip PATH]}: one draw of the pretraining masks on a clip. */
@Command(mixinStandardHelpOptions = true,
        description = {"Draw the pretraining masks (paper 3.3) on a clip's CMVN features: CFM spans coloured by what "
                + "they do (zero / random / unchanged), the CCM band, and the span statistics.",
                "Binds `masked` (MaskedClip: name, objective, seed, original, masked)."})
final class MaskMagic implements Magic {
    @Parameters(paramLabel = "cfm|ccm|cfm+ccm", completionCandidates = Candidates.Objectives.class,
            description = "Which masking: contiguous frames, contiguous channels, or both.")
    String objective;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the draw (default 0).")
    long seed;

    @Option(names = "--clip", paramLabel = "PATH|dataset:clip",
            description = "The clip (default: the one %%features read last, else the dataset's first clip).")
    String clip;

    @Override
    public void run(MagicContext ctx) throws Exception {
        Objective o;
        try {
            o = Objective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        Session s = ctx.session();
        ClipMatrix m = clip != null ? ClipResolver.features(clip, s)
                : s.lastFeatures() != null ? s.lastFeatures()
                : ClipResolver.features("dataset:" + s.dataset().ids().get(0), s);
        Masked masked = new Masker(o, Ccm.PAPER).mask(m.cmvn(), m.frames(), new MaskRng(seed));
        MaskedClip result = new MaskedClip(m.name(), o, seed, m.cmvn(), masked);
        Views.mask(ctx, result);
        ctx.bind(variable(), result, MaskedClip.class.getName());
    }

    @Override
    public String variable() {
        return "masked";
    }
}
