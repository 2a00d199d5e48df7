package org.musicoder.kernel.magic;

import java.nio.file.Path;
import org.musicoder.cli.options.Candidates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code %dataset [demo|DIR]}: lists the selected dataset's clips, or selects the demo corpus or a folder. */
@Command(mixinStandardHelpOptions = true,
        description = {"List the clips of the selected dataset (the embedded demo corpus at start), or select one: "
                + "'demo' or a folder of audio (label = parent folder).",
                "Its clips are then named dataset:ID by %%features and %%mask, and %%pretrain trains on it."})
final class DatasetMagic implements Magic {
    @Parameters(arity = "0..1", paramLabel = "demo|DIR", completionCandidates = Candidates.Data.class,
            description = "demo, or a folder of audio files.")
    String choice;

    @Override
    public void run(MagicContext ctx) throws Exception {
        Session s = ctx.session();
        if (choice != null) {
            s.dataset(choice.equals("demo") ? DatasetChoice.demo(s.cache())
                    : DatasetChoice.folder(Path.of(choice), w -> ctx.output().err().println(w)));
        }
        DatasetChoice d = s.dataset();
        StringColumn id = StringColumn.create("clip");
        StringColumn label = StringColumn.create("label");
        StringColumn split = StringColumn.create("split");
        for (DatasetChoice.Clip c : d.clips()) {
            id.append("dataset:" + c.id());
            label.append(c.label());
            split.append(c.split());
        }
        ctx.out().println("dataset " + d.source() + ": " + d.clips().size() + " clips");
        ctx.display(Table.create(d.source(), id, label, split));
        ctx.bind(variable(), d, DatasetChoice.class.getName());
    }

    @Override
    public String variable() {
        return "dataset";
    }
}
