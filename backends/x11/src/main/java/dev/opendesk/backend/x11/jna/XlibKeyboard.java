package dev.opendesk.backend.x11.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * The keyboard-mapping calls of Xlib with the real C signatures: jna-platform declares
 * {@code XGetKeyboardMapping} as returning one {@code KeySym}, which loses the array it returns.
 * KeySyms are {@code unsigned long}, hence {@link NativeLong}.
 */
public interface XlibKeyboard extends Library {
    XlibKeyboard INSTANCE = Native.load("X11", XlibKeyboard.class);

    /** {@code KeySym NoSymbol}. */
    long NO_SYMBOL = 0L;

    /** {@code int XDisplayKeycodes(Display *, int *min, int *max)}. */
    int XDisplayKeycodes(X11.Display display, IntByReference minKeycode, IntByReference maxKeycode);

    /**
     * {@code KeySym *XGetKeyboardMapping(Display *, KeyCode first, int count, int *keysyms_per_keycode)}:
     * {@code count * keysyms_per_keycode} keysyms, to be freed with {@link #XFree}.
     */
    Pointer XGetKeyboardMapping(X11.Display display, int firstKeycode, int keycodeCount, IntByReference keysymsPerKeycode);

    /** {@code int XChangeKeyboardMapping(Display *, int first, int keysyms_per_keycode, KeySym *, int num_codes)}. */
    int XChangeKeyboardMapping(X11.Display display, int firstKeycode, int keysymsPerKeycode, NativeLong[] keysyms, int keycodeCount);

    /** {@code KeySym XStringToKeysym(const char *)}: {@code NoSymbol} (0) when the name is unknown. */
    NativeLong XStringToKeysym(String name);

    /** {@code int XFree(void *)}. */
    int XFree(Pointer data);
}
