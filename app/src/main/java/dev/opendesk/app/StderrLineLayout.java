package dev.opendesk.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One log line: {@code HH:mm:ss.SSS LEVEL logger: message}, the logger name shortened to about
 * {@value #LOGGER_WIDTH} characters by abbreviating its leading packages ({@code
 * d.o.core.image.ImagePipeline}), then the stack trace of an attached exception. The same text
 * as the pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{30}: %msg%n}, but written directly:
 * logback's pattern layout parses its pattern and loads its converters, the time-zone rules and
 * a date formatter when it starts, which every start of the process paid before it logged
 * anything (usually nothing).
 */
final class StderrLineLayout extends LayoutBase<ILoggingEvent> {
    static final int LOGGER_WIDTH = 30;

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), ZoneId.systemDefault());
        twoDigits(line, time.getHour()).append(':');
        twoDigits(line, time.getMinute()).append(':');
        twoDigits(line, time.getSecond()).append('.');
        int millis = time.getNano() / 1_000_000;
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        line.append(" ".repeat(Math.max(0, 5 - level.length())));
        line.append(' ').append(abbreviate(event.getLoggerName(), LOGGER_WIDTH)).append(": ");
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    private static StringBuilder twoDigits(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * The name with its leading package segments cut to their first letter, left to right, until
     * it fits {@code width} (the class name itself is never cut).
     */
    static String abbreviate(String name, int width) {
        if (name.length() <= width) {
            return name;
        }
        String[] parts = name.split("\\.", -1);
        int length = name.length();
        for (int i = 0; i < parts.length - 1 && length > width; i++) {
            if (parts[i].length() > 1) {
                length -= parts[i].length() - 1;
                parts[i] = parts[i].substring(0, 1);
            }
        }
        return String.join(".", parts);
    }
}
