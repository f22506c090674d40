package dev.opendesk.core.tool;

import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Set-of-Marks (spec/surface.md §1.1): numbers the interactive elements of an accessibility tree
 * and draws them, and the cursor marker, onto a screenshot.
 */
final class SetOfMarks {
    static final int MAX_MARKS = 150;
    static final int MAX_LABEL = 60;

    /** Interactive roles across platforms: AT-SPI names, macOS AX roles, lower-cased UIA control types. */
    private static final Set<String> INTERACTIVE_ROLES = Set.of(
            // AT-SPI
            "push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
            "password text", "menu item", "check menu item", "radio menu item", "menu", "link", "slider",
            "spin button", "page tab", "list item", "tree item", "table cell", "icon", "scroll bar",
            "editbar", "terminal", "document web",
            // macOS
            "axbutton", "axtextfield", "axtextarea", "axcheckbox", "axradiobutton", "axpopupbutton",
            "axcombobox", "axlink", "axmenuitem", "axmenubaritem", "axslider", "axincrementor", "axtab",
            "axsearchfield", "axsecuretextfield", "axcell", "axrow", "axdisclosuretriangle",
            // UIA
            "button", "edit", "checkbox", "radiobutton", "combobox", "hyperlink", "menuitem", "listitem",
            "tabitem", "treeitem", "splitbutton", "spinner", "dataitem", "document");
    private static final String[] INTERACTIVE_WORDS = {
        "button", "field", "check", "radio", "combo", "link", "menu", "slider"};
    private static final Color[] COLOURS = {
        new Color(230, 25, 75), new Color(0, 130, 200), new Color(60, 180, 75), new Color(245, 130, 48),
        new Color(145, 30, 180), new Color(0, 160, 160), new Color(240, 50, 230), new Color(128, 128, 0),
        new Color(170, 110, 40), new Color(0, 0, 128)};

    private SetOfMarks() {}

    /** A numbered element; {@code bounds} in logical pixels. */
    record Mark(int number, String role, String label, Rect bounds) {
        String legend() {
            return "[" + number + "] " + role + " \"" + label + "\" at (" + round(bounds.x()) + "," + round(bounds.y())
                    + ") " + round(bounds.width()) + "×" + round(bounds.height()) + " — click mark " + number
                    + " to interact";
        }
    }

    /** Whether a role counts as interactive. */
    static boolean interactive(String role) {
        String lower = role.toLowerCase(Locale.ROOT);
        if (INTERACTIVE_ROLES.contains(lower)) {
            return true;
        }
        for (String word : INTERACTIVE_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The interactive elements of the tree in tree order, with bounds larger than 2×2 that overlap
     * {@code area}, numbered from 1, at most {@link #MAX_MARKS}.
     */
    static List<Mark> collect(UIElement root, Rect area) {
        List<Mark> marks = new ArrayList<>();
        collect(root, area, marks);
        return marks;
    }

    private static void collect(UIElement element, Rect area, List<Mark> marks) {
        if (marks.size() >= MAX_MARKS) {
            return;
        }
        Rect b = element.bounds();
        if (b != null && b.width() > 2 && b.height() > 2 && interactive(element.role()) && overlaps(b, area)) {
            marks.add(new Mark(marks.size() + 1, element.role(), label(element), b));
        }
        for (UIElement child : element.children()) {
            collect(child, area, marks);
        }
    }

    private static boolean overlaps(Rect a, Rect b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    private static String label(UIElement element) {
        String text = element.name().isBlank() && element.value() != null ? element.value() : element.name();
        text = text.strip().replaceAll("\\s+", " ");
        return ToolText.truncate(text, MAX_LABEL, "");
    }

    /**
     * Draws the marks onto {@code image}, which shows the logical rectangle {@code area}; line
     * widths and labels are multiplied by {@code k} (image pixels per final-image pixel), so they
     * have their nominal size once the image is scaled down.
     */
    static void draw(BufferedImage image, List<Mark> marks, Rect area, double k) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double sx = image.getWidth() / area.width();
            double sy = image.getHeight() / area.height();
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(8, Math.round(12 * k)));
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            for (Mark mark : marks) {
                Color colour = COLOURS[mark.number() % COLOURS.length];
                int x = (int) Math.round((mark.bounds().x() - area.x()) * sx);
                int y = (int) Math.round((mark.bounds().y() - area.y()) * sy);
                int w = (int) Math.round(mark.bounds().width() * sx);
                int h = (int) Math.round(mark.bounds().height() * sy);
                g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 48));
                g.fillRect(x, y, w, h);
                g.setColor(colour);
                g.setStroke(new BasicStroke((float) (2 * k)));
                g.drawRect(x, y, w, h);
                String number = Integer.toString(mark.number());
                int chipH = (int) Math.round(17 * k);
                int chipW = (int) Math.max(Math.round(20 * k), metrics.stringWidth(number) + Math.round(8 * k));
                int chipY = y - (int) Math.round(19 * k);
                if (chipY < 0) {
                    chipY = y + h + (int) Math.round(2 * k);
                }
                int chipX = Math.max(0, Math.min(x, image.getWidth() - chipW));
                g.fillRect(chipX, chipY, chipW, chipH);
                g.setColor(Color.WHITE);
                int textX = chipX + (chipW - metrics.stringWidth(number)) / 2;
                int textY = chipY + (chipH - metrics.getHeight()) / 2 + metrics.getAscent();
                g.drawString(number, textX, textY);
            }
        } finally {
            g.dispose();
        }
    }

    /** Draws the cursor marker (red disc, white ring, white centre dot) at a logical point. */
    static void drawCursor(BufferedImage image, Point cursor, Rect area, double k) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double cx = (cursor.x() - area.x()) * image.getWidth() / area.width();
            double cy = (cursor.y() - area.y()) * image.getHeight() / area.height();
            double r = 10 * k;
            g.setColor(new Color(230, 20, 20));
            g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) (2 * k)));
            g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            double dot = 2.5 * k;
            g.fill(new Ellipse2D.Double(cx - dot, cy - dot, 2 * dot, 2 * dot));
        } finally {
            g.dispose();
        }
    }

    private static long round(double v) {
        return Math.round(v);
    }
}
