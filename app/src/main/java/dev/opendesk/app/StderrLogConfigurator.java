package dev.opendesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.jspecify.annotations.Nullable;

/**
 * Configures logback in code (found through {@code META-INF/services}): every log line goes to
 * standard error, never standard output (which belongs to CLI output and the MCP stdio stream),
 * at the level named by {@code OPENDESK_LOG_LEVEL} (system property or environment variable),
 * {@code WARN} by default, one line each ({@link StderrLineLayout}). Doing this in code rather than with a {@code logback.xml} spares each
 * start the XML configurator, its parser and its model classes.
 *
 * <p>It steps aside (and logback reads its files as usual) when {@code logback.configurationFile}
 * is set or a {@code logback-test.xml} is on the class path.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class StderrLogConfigurator extends ContextAwareBase implements Configurator {
    /** The variable (system property or environment) naming the root log level. */
    public static final String LEVEL_VARIABLE = "OPENDESK_LOG_LEVEL";

    /** Logback instantiates it through {@link java.util.ServiceLoader}. */
    public StderrLogConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || StderrLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        StderrLineLayout layout = new StderrLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getProperty(LEVEL_VARIABLE, System.getenv(LEVEL_VARIABLE))));
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The level a variable's value names ({@code WARN} when unset or not a level). */
    static Level level(@Nullable String value) {
        return value == null || value.isBlank() ? Level.WARN : Level.toLevel(value.strip(), Level.WARN);
    }
}
