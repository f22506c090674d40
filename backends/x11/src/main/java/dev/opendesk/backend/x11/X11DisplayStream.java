package dev.opendesk.backend.x11;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@code display.subscribe} stream: one producer thread captures and encodes a frame at most
 * on a fixed schedule of {@code fps} start times per second, numbers them 0, 1, 2, … and keeps at most one
 * undelivered frame. While that frame waits for its consumer the producer waits too, so a slow
 * consumer gets fewer, fresh frames instead of a growing queue (the reference client gives up
 * above 64 undelivered items). A capture error ends the stream with that error; {@link #close()}
 * returns at once and the producer stops after the capture it may be in.
 */
final class X11DisplayStream implements EventStream<DisplayFrame> {
    /** Dropped when the producer ends, so a closed stream no longer holds its encoder's buffers. */
    private @Nullable Supplier<Pixmap> capture;
    private final long periodNanos;
    private final Object lock = new Object();
    private final Thread producer;
    private @Nullable DisplayFrame pending;
    private @Nullable OpendeskException failure;
    private boolean ended;
    private boolean closed;

    X11DisplayStream(Supplier<Pixmap> capture, int fps, String threadName) {
        this.capture = requireNonNull(capture, "capture is null");
        if (fps < 1) {
            throw new IllegalArgumentException("fps must be positive");
        }
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / fps;
        this.producer = new Thread(this::produce, threadName);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce() {
        Supplier<Pixmap> source = requireNonNull(capture);
        long frameNumber = 0;
        long due = System.nanoTime();
        try {
            while (true) {
                synchronized (lock) {
                    while (!closed && (pending != null || System.nanoTime() - due < 0)) {
                        if (pending != null) {
                            lock.wait();
                        } else {
                            TimeUnit.NANOSECONDS.timedWait(lock, due - System.nanoTime());
                        }
                    }
                    if (closed) {
                        return;
                    }
                }
                long start = System.nanoTime();
                Pixmap pixmap = source.get();
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    pending = DisplayFrame.of(pixmap, frameNumber++);
                    lock.notifyAll();
                }
                due = nextDue(due, start, periodNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OpendeskException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            fail(new OpendeskException(ErrorCode.INTERNAL, "display stream failed: " + e, e));
        } finally {
            synchronized (lock) {
                ended = true;
                capture = null;
                lock.notifyAll();
            }
        }
    }

    /**
     * When the frame after one due at {@code due} that started at {@code start} is due: one
     * period after {@code due} (a frame that woke up a little late does not shift the schedule,
     * which would cost frames), or one period after {@code start} when the frame started more
     * than a period late (a stall, or a consumer that kept the producer waiting): no catching up
     * in a burst.
     */
    static long nextDue(long due, long start, long periodNanos) {
        return start - due > periodNanos ? start + periodNanos : due + periodNanos;
    }

    private void fail(OpendeskException error) {
        synchronized (lock) {
            failure = error;
        }
    }

    @Override
    public DisplayFrame next() {
        synchronized (lock) {
            while (true) {
                Optional<DisplayFrame> frame = take();
                if (frame.isPresent()) {
                    return frame.get();
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while waiting for a display frame");
                }
            }
        }
    }

    @Override
    public Optional<DisplayFrame> poll(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Optional<DisplayFrame> frame = take();
                long left = deadline - System.nanoTime();
                if (frame.isPresent() || left <= 0) {
                    return frame;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while waiting for a display frame");
                }
            }
        }
    }

    /** The pending frame, or empty if none yet; throws once the stream is over. Holds {@link #lock}. */
    private Optional<DisplayFrame> take() {
        if (closed) {
            throw new NoSuchElementException("display stream closed");
        }
        DisplayFrame frame = pending;
        if (frame != null) {
            pending = null;
            lock.notifyAll();
            return Optional.of(frame);
        }
        if (ended) {
            if (failure != null) {
                throw failure;
            }
            throw new NoSuchElementException("display stream ended");
        }
        return Optional.empty();
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return !closed && !ended;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending = null;
            lock.notifyAll();
        }
    }

    /** Whether the producer thread has finished (for tests). */
    boolean producerFinished() {
        return !producer.isAlive();
    }
}
