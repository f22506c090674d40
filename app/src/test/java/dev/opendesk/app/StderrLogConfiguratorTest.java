package dev.opendesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

final class StderrLogConfiguratorTest {
    @Test
    void logsGoToStandardErrorAtWarnByDefault() {
        LoggerContext context = new LoggerContext();
        Configurator.ExecutionStatus status = configure(context);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).singleElement().isInstanceOfSatisfying(ConsoleAppender.class, console -> {
            assertThat(console.getTarget()).isEqualTo("System.err");
            assertThat(console.isStarted()).isTrue();
        });
        if (System.getProperty(StderrLogConfigurator.LEVEL_VARIABLE) == null && System.getenv(StderrLogConfigurator.LEVEL_VARIABLE) == null) {
            assertThat(root.getLevel()).isEqualTo(Level.WARN);
        }
    }

    @Test
    void theLevelVariableNamesTheLevelAndNonsenseMeansWarn() {
        assertThat(StderrLogConfigurator.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(StderrLogConfigurator.level(" INFO ")).isEqualTo(Level.INFO);
        assertThat(StderrLogConfigurator.level(null)).isEqualTo(Level.WARN);
        assertThat(StderrLogConfigurator.level("")).isEqualTo(Level.WARN);
        assertThat(StderrLogConfigurator.level("loud")).isEqualTo(Level.WARN);
    }

    @Test
    void logbackFindsItAsAServiceAndUsesIt() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .contains(StderrLogConfigurator.class.getName());
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = running.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
    }

    @Test
    void aLineHasTimeLevelShortLoggerMessageAndTheStackTrace() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("dev.opendesk.core.image.ImagePipeline");
        StderrLineLayout layout = new StderrLineLayout();
        layout.setContext(context);
        layout.start();
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, "codec {} failed", new IllegalStateException("boom"),
                new Object[] {"lwjgl"});
        String line = layout.doLayout(event);
        assertThat(line).matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  d\\.o\\.core\\.image\\.ImagePipeline: codec lwjgl failed\\R"
                + "java\\.lang\\.IllegalStateException: boom\\R\\s+at .*");
        assertThat(StderrLineLayout.abbreviate("dev.opendesk.transport.websocket.WebSocketTransport", 30))
                .isEqualTo("d.o.t.w.WebSocketTransport");
        assertThat(StderrLineLayout.abbreviate("short.Name", 30)).isEqualTo("short.Name");
        assertThat(StderrLineLayout.abbreviate("AVeryLongClassNameWithoutAnyPackageAtAll", 30))
                .isEqualTo("AVeryLongClassNameWithoutAnyPackageAtAll");
    }

    private static Configurator.ExecutionStatus configure(LoggerContext context) {
        StderrLogConfigurator configurator = new StderrLogConfigurator();
        configurator.setContext(context);
        return configurator.configure(context);
    }
}
