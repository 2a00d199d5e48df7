package org.musicoder.kernel.display;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The table HTML read back by the JDK's XML parser: what a browser shows is what the table holds. */
class TableBundleTest {
    static final String[] NASTY = {"</td><script>alert(1)</script>", "a & b", "\"double\" 'single'", "<b>x</b>", "plain"};

    @Test
    void namesAndValuesComeBackVerbatimFromTheParsedHtml() throws Exception {
        Table t = Table.create("<caption & name>", StringColumn.create("<k>", NASTY),
                IntColumn.create("n&m", 1, 2, 3, 4, 5));
        Map<String, Object> b = TableBundle.of(t);
        Document doc = parse((String) b.get(MimeTypes.HTML));
        assertEquals("<caption & name>", doc.getElementsByTagName("caption").item(0).getTextContent());
        NodeList th = doc.getElementsByTagName("th");
        assertEquals("<k>", th.item(0).getTextContent());
        assertEquals("n&m", th.item(1).getTextContent());
        NodeList td = doc.getElementsByTagName("td");
        assertEquals(10, td.getLength());
        for (int r = 0; r < NASTY.length; r++) {
            assertEquals(NASTY[r], td.item(2 * r).getTextContent());
            assertEquals(Integer.toString(r + 1), td.item(2 * r + 1).getTextContent());
        }
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("b").getLength());
        assertTrue(((String) b.get(MimeTypes.TEXT)).contains("plain"));
    }

    @Test
    void longTablesStopAtTheRowLimitAndSaySo() throws Exception {
        double[] v = new double[120];
        for (int i = 0; i < v.length; i++) v[i] = i;
        Document doc = parse(TableBundle.html(Table.create("long", DoubleColumn.create("v", v)), 50));
        assertEquals(50, doc.getElementsByTagName("tbody").item(0).getChildNodes().getLength()
                - countText(doc.getElementsByTagName("tbody").item(0).getChildNodes()));
        assertEquals("first 50 of 120 rows", doc.getElementsByTagName("p").item(0).getTextContent());

        Document all = parse(TableBundle.html(Table.create("short", DoubleColumn.create("v", 1, 2)), 50));
        assertEquals(0, all.getElementsByTagName("p").getLength());
        assertEquals(2, all.getElementsByTagName("tr").getLength() - 1);
    }

    @Test
    void rejectsARowLimitBelowOne() {
        Table t = Table.create("t", IntColumn.create("a", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableBundle.html(t, 0));
        assertTrue(e.getMessage().contains("maxRows"), e.getMessage());
    }

    static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<root>" + html + "</root>")));
    }

    private static int countText(NodeList nodes) {
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) if (nodes.item(i).getNodeType() == org.w3c.dom.Node.TEXT_NODE) n++;
        return n;
    }
}
