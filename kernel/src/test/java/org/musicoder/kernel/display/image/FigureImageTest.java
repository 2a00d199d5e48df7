package org.musicoder.kernel.display.image;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.features.Cmvn;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;
import org.musicoder.kernel.display.FigureBundle;
import org.musicoder.kernel.display.MimeTypes;
import org.musicoder.kernel.display.PlotlyJson;
import org.musicoder.kernel.view.EvalView;
import org.musicoder.kernel.view.FeatureView;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.kernel.view.MaskView;
import org.musicoder.kernel.view.TagView;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Figure;

/**
 * The static image in every view's bundle: a PNG that ImageIO decodes, of the figure's size, not blank, carrying
 * its title; heatmap pixels in plotly's colour scale (stops read from the shipped plotly.js); trace types it cannot
 * draw and unreadable figures give an image, not an exception.
 */
class FigureImageTest {
    static float[][] input;
    static Masked masked;

    @BeforeAll
    static void clip() throws Exception {
        float[][] raw = Npy.read(Path.of("src/test/resources/librosa/demo_metal-armygeddon-a/features_raw.npy")).toFloat2d();
        input = Cmvn.apply(raw, FeatureConfig.PAPER.stdFloor());
        masked = new Masker(Objective.CFM_CCM, new Ccm(0.2, Ccm.Band.SPECTRA)).mask(input, input.length, new MaskRng(7));
    }

    /** Each figure kind the kernel shows, as a function of its title. */
    static Map<String, Function<String, Figure>> kinds() {
        Map<String, Function<String, Figure>> k = new LinkedHashMap<>();
        k.put("feature heatmap", t -> FeatureView.heatmap(input, FeatureConfig.PAPER, t));
        k.put("mask view", t -> MaskView.figure(masked, FeatureConfig.PAPER, t));
        k.put("loss curve", t -> {
            LossCurve c = new LossCurve(t);
            for (int s = 1; s <= 300; s++) c.add(s, 2.0 / Math.sqrt(s), 1e-4 * Math.min(1.0, s / 50.0));
            return c.figure();
        });
        k.put("tag bars", t -> TagView.bars(List.of("metal", "ambient", "a<b>&c", "blues"),
                new double[] {0.7, 0.1, 0.15, 0.05}, 3, t));
        k.put("confusion matrix", t -> EvalView.confusion(GenreMetrics.of(new int[] {0, 1, 2, 2, 1, 0, 2},
                new int[] {0, 1, 2, 1, 1, 2, 2}, 3, List.of("blues", "metal", "jazz")), t));
        Table tab = Table.create("t", StringColumn.create("k", "a", "b", "c"), DoubleColumn.create("v", 1, 3, 2));
        k.put("Tablesaw line plot", t -> LinePlot.create(t, tab, "k", "v"));
        k.put("Tablesaw bar plot", t -> VerticalBarPlot.create(t, tab, "k", "v"));
        return k;
    }

    static BufferedImage png(String base64) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertNotNull(img, "ImageIO decodes the image/png");
        return img;
    }

    @Test
    void everyKindOfFigureCarriesAPngOfItsSizeThatIsNotBlank() throws Exception {
        for (Map.Entry<String, Function<String, Figure>> k : kinds().entrySet()) {
            Figure f = k.getValue().apply("a title");
            Map<String, Object> bundle = FigureBundle.of(f, false);
            String b64 = (String) bundle.get(MimeTypes.PNG);
            assertNotNull(b64, k.getKey() + ": no image/png");
            BufferedImage img = png(b64);
            JsonObject layout = PlotlyJson.of(f).getAsJsonObject("layout");
            assertEquals(layout.get("width").getAsInt(), img.getWidth(), k.getKey());
            assertEquals(layout.get("height").getAsInt(), img.getHeight(), k.getKey());
            assertInstanceOf(IndexColorModel.class, img.getColorModel(), k.getKey() + ": a palette PNG");
            Set<Integer> colours = new HashSet<>();
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y);
                    colours.add(rgb);
                    double v = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
            double sd = Math.sqrt(sq / n - (sum / n) * (sum / n));
            assertTrue(colours.size() >= 8 && sd > 20, k.getKey() + ": " + colours.size() + " colours, sd " + sd);
            System.out.printf("%s: %d x %d, %d bytes of PNG, %d of base64%n", k.getKey(), img.getWidth(),
                    img.getHeight(), Base64.getDecoder().decode(b64).length, b64.length());
        }
    }

    @Test
    void theTitleIsDrawnInTheTopMarginAndNothingElseChanges() throws Exception {
        for (Map.Entry<String, Function<String, Figure>> k : kinds().entrySet()) {
            JsonObject one = PlotlyJson.of(k.getValue().apply("first title"));
            JsonObject two = PlotlyJson.of(k.getValue().apply("another, longer title"));
            BufferedImage a = FigureImage.draw(one);
            BufferedImage b = FigureImage.draw(two);
            JsonObject margin = one.getAsJsonObject("layout").getAsJsonObject("margin");
            int top = margin != null && margin.has("t") ? margin.get("t").getAsInt() : 100;
            int above = 0;
            int below = 0;
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    if (a.getRGB(x, y) == b.getRGB(x, y)) continue;
                    if (y < top) above++;
                    else below++;
                }
            }
            assertTrue(above > 200, k.getKey() + ": the title's pixels differ in the top margin: " + above);
            assertEquals(0, below, k.getKey() + ": only the title changes");
        }
    }

    @Test
    void heatmapPixelsTakePlotlysColourScale() throws Exception {
        JsonObject fig = JsonParser.parseString("{\"data\": [{\"type\": \"heatmap\", \"z\": [[0, 1], [0.5, 0.25]],"
                + " \"colorscale\": \"Viridis\", \"showscale\": false}], \"layout\": {\"width\": 400, \"height\": 300,"
                + " \"margin\": {\"l\": 50, \"r\": 50, \"t\": 50, \"b\": 50}}}").getAsJsonObject();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(FigureImage.png(fig)));
        double[][] viridis = ColorscaleTest.plotlyScales().get("Viridis");
        double[][] z = {{0, 1}, {0.5, 0.25}};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                int x = 50 + 300 * (2 * c + 1) / 4;                 // brick centres: x -0.5..1.5, y -0.5..1.5
                int y = 50 + 200 - 200 * (2 * r + 1) / 4;
                Color want = interpolate(viridis, z[r][c]);
                Color got = new Color(img.getRGB(x, y));
                String where = "z[" + r + "][" + c + "] = " + z[r][c] + ": want " + want + ", got " + got;
                assertEquals(want.getRed(), got.getRed(), 3, where);
                assertEquals(want.getGreen(), got.getGreen(), 3, where);
                assertEquals(want.getBlue(), got.getBlue(), 3, where);
            }
        }
    }

    /** plotly's stops, linearly interpolated in RGB (what plotly.js's colour scale function does). */
    private static Color interpolate(double[][] stops, double t) {
        int i = 1;
        while (i < stops.length - 1 && stops[i][0] < t) i++;
        double f = (t - stops[i - 1][0]) / (stops[i][0] - stops[i - 1][0]);
        int[] c = new int[3];
        for (int k = 0; k < 3; k++) c[k] = (int) Math.round(stops[i - 1][k + 1] + f * (stops[i][k + 1] - stops[i - 1][k + 1]));
        return new Color(c[0], c[1], c[2]);
    }

    @Test
    void aTraceTypeItCannotDrawLeavesAPlaceholderAndBadFiguresStillGiveAnImage() throws Exception {
        JsonObject empty = JsonParser.parseString("{\"data\": [], \"layout\": {\"title\": {\"text\": \"t\"}}}")
                .getAsJsonObject();
        JsonObject sunburst = JsonParser.parseString("{\"data\": [{\"type\": \"sunburst\", \"labels\": [\"a\"],"
                + " \"parents\": [\"\"]}], \"layout\": {\"title\": {\"text\": \"t\"}}}").getAsJsonObject();
        BufferedImage a = FigureImage.draw(empty);
        BufferedImage b = FigureImage.draw(sunburst);
        assertEquals(700, b.getWidth());
        assertEquals(450, b.getHeight());
        int differ = 0;
        for (int y = 200; y < 250; y++) for (int x = 100; x < 600; x++) if (a.getRGB(x, y) != b.getRGB(x, y)) differ++;
        assertTrue(differ > 300, "a placeholder line in the middle of the plot: " + differ + " pixels");

        for (String bad : List.of("{\"data\": \"x\", \"layout\": {\"width\": \"wide\", \"xaxis\": {\"range\": [\"a\"]}}}",
                "{\"data\": [{\"type\": \"heatmap\", \"z\": \"nope\", \"x\": 3}]}",
                "{\"data\": [{\"type\": \"heatmap\", \"z\": [[1, \"a\", null], [], [{}]]}]}",
                "{\"data\": [{\"type\": \"scatter\", \"x\": [1, \"b\", null], \"y\": [{}, [], 3], \"line\": 4}]}",
                "{\"data\": [{\"type\": \"bar\", \"x\": [1, 1, 1], \"y\": [\"NaN\", -2, 1e308], \"marker\": {\"color\": [1]}}]}",
                "{\"data\": [{}], \"layout\": {\"width\": 1e9, \"height\": -5, \"annotations\": [{\"text\": \"x\"}, 3]}}")) {
            JsonObject f = JsonParser.parseString(bad).getAsJsonObject();
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(FigureImage.png(f)));
            assertNotNull(img, bad);
            assertArrayEquals(FigureImage.size(f), new int[] {img.getWidth(), img.getHeight()}, bad);
        }
    }
}
