package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.musicoder.model.Engines;

class AdamTest {
    static final float[] P = {0.5f, -1.25f, 2f, 0f, 3e-3f, -0.7f};
    static final float[][] G = {{0.1f, -2f, 0f, 5e-7f, 1f, -0.03f}, {-0.2f, 1f, 0.4f, 0f, 1f, 0.05f},
            {0.3f, 0.3f, -0.4f, 2e-6f, -1f, 0.01f}};
    static final double[] LR = {0.01, 0.005, 0.02};

    /** The three updates in float32 arrays. */
    static float[][] ours() {
        Engines.pytorch(1);
        float[][] out = new float[G.length][];
        try (NDManager root = NDManager.newBaseManager(Engines.PYTORCH)) {
            NDArray p = root.create(P);
            Adam adam = new Adam(Map.of("p", p), root);
            for (int s = 0; s < G.length; s++) {
                try (NDManager step = root.newSubManager()) {
                    adam.update(Map.of("p", step.create(G[s])), LR[s]);
                }
                out[s] = p.toFloatArray();
            }
            assertEquals(G.length, adam.step());
        }
        return out;
    }

    @Test
    void matchesTheHandComputedFormula() {
        float[][] got = ours();
        // Kingma & Ba's update in float64: m, v, bias corrections, p -= lr * mhat / (sqrt(vhat) + eps).
        double[] p = new double[P.length];
        double[] m = new double[P.length];
        double[] v = new double[P.length];
        for (int i = 0; i < P.length; i++) p[i] = P[i];
        for (int s = 0; s < G.length; s++) {
            int t = s + 1;
            for (int i = 0; i < P.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * G[s][i];
                v[i] = 0.999 * v[i] + 0.001 * G[s][i] * G[s][i];
                double mhat = m[i] / (1 - Math.pow(0.9, t));
                double vhat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= LR[s] * mhat / (Math.sqrt(vhat) + 1e-6);
            }
            for (int i = 0; i < P.length; i++)
                assertEquals(p[i], got[s][i], 2e-6 * Math.max(1, Math.abs(p[i])), "step " + t + " element " + i);
        }
        // step 1 by hand: mhat = g, vhat = g^2, so p moves by lr * g / (|g| + eps): about lr for large |g|
        assertEquals(0.5 - 0.01 * 0.1 / (0.1 + 1e-6), got[0][0], 1e-7);
        assertEquals(0.0 - 0.01 * 5e-7 / (5e-7 + 1e-6), got[0][3], 1e-8);
    }

    @Test
    void matchesTorchOptimAdam() throws Exception {
        float[][] got = ours();
        JsonObject spec = new JsonObject();
        spec.add("param", array(P));
        JsonArray grads = new JsonArray();
        for (float[] g : G) grads.add(array(g));
        spec.add("grads", grads);
        JsonArray lr = new JsonArray();
        for (double l : LR) lr.add(l);
        spec.add("lr", lr);
        JsonArray betas = new JsonArray();
        betas.add(0.9);
        betas.add(0.999);
        spec.add("betas", betas);
        spec.addProperty("eps", 1e-6);
        JsonArray torch = JsonParser.parseString(python("src/test/python/adam.py", spec.toString())).getAsJsonArray();
        for (int s = 0; s < G.length; s++)
            for (int i = 0; i < P.length; i++) {
                float want = torch.get(s).getAsJsonArray().get(i).getAsFloat();
                assertEquals(want, got[s][i], 1e-6 * Math.max(1, Math.abs(want)), "step " + (s + 1) + " element " + i);
            }
    }

    private static JsonArray array(float[] a) {
        JsonArray j = new JsonArray();
        for (float f : a) j.add(f);
        return j;
    }

    /** Runs a script with Debian's python3 (and torch), feeding stdin; fails (never skips) when it cannot. */
    static String python(String script, String stdin) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) fail("needs /usr/bin/python3 with torch: apt-get install python3-torch (environment/test.sh does)");
        Path err = Files.createTempFile("py", ".err");
        try {
            Process p = new ProcessBuilder(python.toString(), script).redirectError(err.toFile()).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) fail(script + " timed out");
            if (p.exitValue() != 0) fail(script + " failed: " + Files.readString(err));
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
