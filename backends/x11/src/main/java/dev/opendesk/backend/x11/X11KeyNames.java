package dev.opendesk.backend.x11;

import dev.opendesk.backend.x11.jna.XlibKeyboard;
import dev.opendesk.core.model.Keys;
import dev.opendesk.core.model.Modifier;
import dev.opendesk.core.model.OpendeskException;
import java.util.HashMap;
import java.util.Map;

/**
 * Protocol key names (§10.1: lower-case normalised, pyautogui names and aliases) and characters to
 * X keysyms. A name of exactly one character (code point) stands for that character, case kept
 * ({@code A} is the upper-case letter); longer names are normalised ({@link Keys#toKeysym}), looked
 * up in the pyautogui table, then tried as an X keysym name ({@code comma}, {@code eacute}, …).
 */
final class X11KeyNames {
    /** Latin-1 keysyms equal their code point; everything else uses the Unicode keysym range. */
    private static final long UNICODE_KEYSYM_BASE = 0x1000000L;
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        names("Return", "enter", "return", "\n", "\r");
        names("Escape", "escape", "esc");
        names("Tab", "tab", "\t");
        names("space", "space", " ");
        names("BackSpace", "backspace", "\b");
        names("Delete", "delete", "del");
        names("Insert", "insert");
        names("Home", "home");
        names("End", "end");
        names("Prior", "pageup", "pgup");
        names("Next", "pagedown", "pgdn");
        names("Left", "left");
        names("Right", "right");
        names("Up", "up");
        names("Down", "down");
        names("Caps_Lock", "capslock", "caps_lock");
        names("Num_Lock", "numlock");
        names("Scroll_Lock", "scrolllock");
        names("Print", "printscreen", "prtsc", "prtscr", "prntscrn", "print");
        names("Pause", "pause");
        names("Menu", "apps", "menu");
        names("Clear", "clear");
        names("Execute", "execute");
        names("Help", "help");
        names("Select", "select");
        names("Shift_L", "shift", "shiftleft");
        names("Shift_R", "shiftright");
        names("Control_L", "ctrl", "control", "ctrlleft");
        names("Control_R", "ctrlright");
        names("Alt_L", "alt", "altleft", "option", "optionleft");
        names("Alt_R", "altright", "optionright");
        names("Super_L", "meta", "win", "winleft", "super", "cmd", "command");
        names("Super_R", "winright");
        names("XF86Fn", "fn");
        names("XF86AudioMute", "volumemute");
        names("XF86AudioLowerVolume", "volumedown");
        names("XF86AudioRaiseVolume", "volumeup");
        names("XF86AudioPlay", "playpause");
        names("XF86AudioStop", "stop");
        names("XF86AudioNext", "nexttrack");
        names("XF86AudioPrev", "prevtrack");
        names("XF86Back", "browserback");
        names("XF86Forward", "browserforward");
        names("XF86Refresh", "browserrefresh");
        names("XF86HomePage", "browserhome");
        names("XF86Search", "browsersearch");
        names("XF86Favorites", "browserfavorites");
        names("XF86Mail", "launchmail");
        names("XF86Sleep", "sleep");
        names("KP_Add", "add");
        names("KP_Subtract", "subtract");
        names("KP_Multiply", "multiply");
        names("KP_Divide", "divide");
        names("KP_Decimal", "decimal");
        names("KP_Separator", "separator");
        names("KP_Enter", "kp_enter", "numpadenter");
        for (int i = 0; i <= 9; i++) {
            names("KP_" + i, "num" + i, "numpad" + i);
        }
        for (int i = 1; i <= 24; i++) {
            names("F" + i, "f" + i);
        }
        names("comma", "comma");
        names("period", "period", "dot");
        names("minus", "minus", "hyphen");
        names("plus", "plus");
        names("equal", "equal", "equals");
        names("slash", "slash");
        names("backslash", "backslash");
        names("semicolon", "semicolon");
        names("colon", "colon");
        names("apostrophe", "apostrophe", "quote");
        names("quotedbl", "doublequote", "quotedbl");
        names("grave", "grave", "backquote", "backtick");
        names("bracketleft", "bracketleft", "leftbracket");
        names("bracketright", "bracketright", "rightbracket");
        names("braceleft", "braceleft");
        names("braceright", "braceright");
        names("parenleft", "parenleft");
        names("parenright", "parenright");
        names("less", "less");
        names("greater", "greater");
        names("question", "question");
        names("exclam", "exclam", "exclamation");
        names("at", "at");
        names("numbersign", "numbersign", "hash");
        names("dollar", "dollar");
        names("percent", "percent");
        names("asciicircum", "asciicircum", "caret");
        names("ampersand", "ampersand");
        names("asterisk", "asterisk");
        names("underscore", "underscore");
        names("bar", "bar", "pipe");
        names("asciitilde", "asciitilde", "tilde");
    }

    private X11KeyNames() {
    }

    private static void names(String xName, String... aliases) {
        for (String alias : aliases) {
            NAMES.put(alias, xName);
        }
    }

    /** The keysym of a modifier's own key. */
    static long modifierKeysym(Modifier modifier) {
        return keysym(modifier.wire());
    }

    /**
     * The keysym for a key name.
     *
     * @throws OpendeskException {@code invalid_argument} "unknown key 'xyz'"
     */
    static long keysym(String name) {
        String mapped = NAMES.get(name);
        if (mapped == null && name.codePointCount(0, name.length()) == 1) {
            return characterKeysym(name.codePointAt(0));
        }
        if (mapped == null) {
            String normalised = Keys.toKeysym(name);
            mapped = NAMES.get(normalised);
            if (mapped == null && normalised.codePointCount(0, normalised.length()) == 1) {
                return characterKeysym(normalised.codePointAt(0));
            }
            if (mapped == null && !normalised.startsWith("0x")) {
                mapped = normalised;
            }
        }
        long keysym = mapped == null ? XlibKeyboard.NO_SYMBOL : XlibKeyboard.INSTANCE.XStringToKeysym(mapped).longValue();
        if (keysym == XlibKeyboard.NO_SYMBOL) {
            throw OpendeskException.invalidArgument("unknown key '" + name + "'");
        }
        return keysym;
    }

    /**
     * The keysym that types one character: Return, Tab, BackSpace and Escape for their control
     * characters, the Latin-1 keysym (= code point) or {@code 0x1000000 + code point} otherwise.
     *
     * @throws OpendeskException {@code invalid_argument} for other control characters
     */
    static long characterKeysym(int codePoint) {
        switch (codePoint) {
            case '\n', '\r':
                return 0xff0dL; // Return
            case '\t':
                return 0xff09L; // Tab
            case '\b':
                return 0xff08L; // BackSpace
            case 0x1b:
                return 0xff1bL; // Escape
            case 0x7f:
                return 0xffffL; // Delete
            default:
                break;
        }
        if (Character.getType(codePoint) == Character.CONTROL || codePoint > Character.MAX_CODE_POINT
                || Character.getType(codePoint) == Character.SURROGATE) {
            throw OpendeskException.invalidArgument(
                    "cannot type control character U+" + String.format("%04X", codePoint));
        }
        if ((codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff)) {
            return codePoint;
        }
        return UNICODE_KEYSYM_BASE + codePoint;
    }

    /** The code point a keysym types, or -1 when it is not a character keysym of the two forms above. */
    static int codePoint(long keysym) {
        if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) {
            return (int) keysym;
        }
        if (keysym >= UNICODE_KEYSYM_BASE + 0x20 && keysym <= UNICODE_KEYSYM_BASE + Character.MAX_CODE_POINT) {
            return (int) (keysym - UNICODE_KEYSYM_BASE);
        }
        return -1;
    }
}
