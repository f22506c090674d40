package dev.opendesk.codec.turbojpeg;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import org.jspecify.annotations.Nullable;

/**
 * The few functions of libjpeg-turbo's TurboJPEG 2.x C API ({@code turbojpeg.h}) the codec uses,
 * mapped by JNA. {@code unsigned long} sizes are {@link NativeLong} (32 bits on Windows).
 */
interface TurboJpegLibrary extends Library {
    /** Pixel format: B, G, R, X, 4 bytes per pixel ({@code TJPF_BGRX}). */
    int TJPF_BGRX = 3;
    /** Chroma subsampling 4:2:0 ({@code TJSAMP_420}), what ImageIO writes for RGB by default. */
    int TJSAMP_420 = 2;

    /** The functions {@link #tjCompress2} needs around it; checked when the library is loaded. */
    String[] FUNCTIONS = {"tjInitCompress", "tjCompress2", "tjFree", "tjDestroy", "tjGetErrorStr2"};

    /** A new compressor instance, or null when it could not be created. */
    @Nullable Pointer tjInitCompress();

    /**
     * Compresses a packed-pixel image; with {@code *jpegBuf == NULL} the library allocates the
     * output (free it with {@link #tjFree}). Returns 0 on success, -1 on error.
     */
    int tjCompress2(Pointer handle, Pointer srcBuf, int width, int pitch, int height, int pixelFormat,
                    PointerByReference jpegBuf, NativeLongByReference jpegSize, int jpegSubsamp, int jpegQual, int flags);

    /** Frees a buffer the library allocated. */
    void tjFree(Pointer buffer);

    /** Frees a compressor instance. */
    int tjDestroy(Pointer handle);

    /** The last error of an instance (or of the library, for a null handle). */
    String tjGetErrorStr2(@Nullable Pointer handle);
}
