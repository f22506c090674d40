package dev.opendesk.app.cli;

import com.google.inject.Injector;
import dev.opendesk.app.wiring.BackendSelection;
import dev.opendesk.app.wiring.PluginCatalog;
import dev.opendesk.app.wiring.PluginEntry;
import dev.opendesk.app.wiring.PluginKind;
import dev.opendesk.app.wiring.Wiring;
import java.io.PrintWriter;
import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.core.image.ImagePipeline;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code opendesk plugins}: every provider found, whether it works here and why not, where it came from, and which backend is selected. */
@Command(name = "plugins", description = "List the plugins found, whether each works here, and the selected backend.")
final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Injector injector = Wiring.injector(common.home(), common.backend(), common.codec());
        PluginCatalog catalog = injector.getInstance(PluginCatalog.class);
        BackendSelection selection = injector.getInstance(BackendSelection.class);
        PrintWriter out = spec.commandLine().getOut();
        List<PluginEntry> entries = catalog.entries();
        int idWidth = Math.max(2, entries.stream().mapToInt(e -> e.id().length()).max().orElse(2));
        String format = "%-9s  %-" + idWidth + "s  %4s  %-3s  %s%n";
        out.printf(format, "KIND", "ID", "PRIO", "OK", "STATUS / SOURCE");
        for (PluginEntry entry : entries) {
            boolean ok = entry.support().supported();
            out.printf(format, entry.kind().label(), entry.id(), entry.provider().priority(), ok ? "yes" : "no",
                    ok ? "supported" : "unsupported: " + entry.support().reason());
            out.printf(format, "", "", "", "", "  from " + entry.origin());
        }
        out.println();
        out.println("selected backend: " + selection.chosen().map(PluginEntry::id).orElse("none")
                + " (" + selection.explanation() + ")");
        for (PluginKind kind : List.of(PluginKind.TRANSPORT, PluginKind.DISCOVERY, PluginKind.ADAPTER, PluginKind.CODEC)) {
            out.println("usable " + kind.plural() + ": " + catalog.supported(kind).stream().map(PluginEntry::id)
                    .reduce((a, b) -> a + ", " + b).orElse("none"));
        }
        ImagePipeline pipeline = injector.getInstance(ImagePipeline.class);
        Set<ImageCodec.Operation> steps = pipeline.codecSteps();
        out.println("image pipeline: " + (steps.isEmpty() ? "pure Java"
                : pipeline.codecName() + " for " + steps.stream().sorted().map(s -> s.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ", pure Java for the rest"));
        out.flush();
        return 0;
    }
}
