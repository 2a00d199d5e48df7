package org.musicoder.audio.vorbis;

import com.jcraft.jogg.Packet;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

/**
 * {@link Synthesis} by JOrbis. Loaded by {@link JOrbisPool} in a class loader of its own, together with JOrbis, so
 * only public types of other loaders may be used here.
 */
public final class JOrbisSynthesis implements Synthesis {
    private final Info info = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);

    public JOrbisSynthesis() {
        info.init();
        comment.init();
    }

    @Override
    public boolean headerIn(Packet packet) {
        return info.synthesis_headerin(comment, packet) >= 0;
    }

    @Override
    public int rate() {
        return info.rate;
    }

    @Override
    public int channels() {
        return info.channels;
    }

    @Override
    public void start() {
        dsp.synthesis_init(info);
        block.init(dsp);
    }

    @Override
    public boolean blockIn(Packet packet) {
        if (block.synthesis(packet) != 0) return false;
        dsp.synthesis_blockin(block);
        return true;
    }

    @Override
    public int pcmOut(float[][][] pcm, int[] index) {
        return dsp.synthesis_pcmout(pcm, index);
    }

    @Override
    public void read(int frames) {
        dsp.synthesis_read(frames);
    }
}
