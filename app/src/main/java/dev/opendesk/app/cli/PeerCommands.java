package dev.opendesk.app.cli;

import com.google.inject.Injector;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Managing trusted peers on the controller side and this host's description (spec/surface.md §3). */
final class PeerCommands {
    private PeerCommands() {
    }

    /** Base: access to the trust store, home files and output. */
    abstract static class PeerCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        Injector services() {
            return Services.of(common);
        }
    }

    @Command(name = "peers", description = "List and manage trusted peers.",
            subcommands = {PeersList.class, PeersRemove.class, PeersRename.class, PeersDefault.class, PeersDescribe.class,
                PendingCommands.PeersRendezvous.class})
    static final class Peers extends PeerCommand {
        @Override
        public Integer call() {
            return list(services(), out());
        }
    }

    @Command(name = "list", description = "List trusted peers.")
    static final class PeersList extends PeerCommand {
        @Override
        public Integer call() {
            return list(services(), out());
        }
    }

    static int list(Injector services, PrintWriter out) {
        List<TrustedPeer> peers = services.getInstance(TrustedPeerStore.class).list();
        if (peers.isEmpty()) {
            out.println("No trusted peers.");
            return 0;
        }
        Optional<String> defaultPeer = services.getInstance(HomeFiles.class).readDefaultPeer();
        Table table = new Table("NAME", "FINGERPRINT", "LAST ENDPOINT", "DESCRIPTION");
        for (TrustedPeer peer : peers) {
            String endpoint = !peer.rendezvousUrl().isBlank() ? "rendezvous (" + peer.rendezvousUrl() + ")"
                    : peer.hasEndpoint() ? peer.lastHost() + ":" + peer.lastPort() : "(unknown)";
            String name = peer.name() + (defaultPeer.filter(peer.name()::equals).isPresent() ? "  [default]" : "");
            table.row(name, peer.fingerprint(), endpoint, Table.firstLine(peer.effectiveDescription(), 60));
        }
        table.print(out);
        return 0;
    }

    @Command(name = "remove", description = "Forget a peer (same as unpair).")
    static final class PeersRemove extends PeerCommand {
        @Parameters(description = "peer name or hex key")
        String target;

        @Override
        public Integer call() {
            return Unpair.unpair(services(), target, out(), err());
        }
    }

    @Command(name = "unpair", description = "Forget a peer and kick its live session.")
    static final class Unpair extends PeerCommand {
        @Parameters(description = "peer name or hex key")
        String name;

        @Override
        public Integer call() {
            return unpair(services(), name, out(), err());
        }

        static int unpair(Injector services, String target, PrintWriter out, PrintWriter err) {
            TrustedPeerStore trust = services.getInstance(TrustedPeerStore.class);
            Optional<TrustedPeer> peer = trust.find(target);
            if (peer.isEmpty() || !trust.remove(target)) {
                err.println("No peer matched '" + target + "'.");
                return 1;
            }
            boolean kicked = AdminAccess.kickPeer(services, peer.get().name());
            out.println(kicked ? "Unpaired " + peer.get().name() + " and disconnected the active session."
                    : "Unpaired " + peer.get().name() + ".");
            return 0;
        }
    }

    @Command(name = "rename", description = "Rename a peer (keeping what is cached about it).")
    static final class PeersRename extends PeerCommand {
        @Parameters(index = "0", description = "peer name or hex key")
        String target;

        @Parameters(index = "1", description = "new name")
        String newName;

        @Override
        public Integer call() {
            TrustedPeerStore trust = services().getInstance(TrustedPeerStore.class);
            Optional<TrustedPeer> peer = trust.find(target);
            if (peer.isEmpty() || !trust.rename(target, newName)) {
                err().println("No peer matched '" + target + "'.");
                return 1;
            }
            out().println("Renamed " + peer.get().name() + " → " + newName + ".");
            return 0;
        }
    }

    @Command(name = "default", description = "Show, set or clear the default peer.")
    static final class PeersDefault extends PeerCommand {
        @Parameters(arity = "0..1", description = "peer name")
        String name;

        @Option(names = "--clear", description = "clear the default")
        boolean clear;

        @Override
        public Integer call() {
            Injector services = services();
            HomeFiles home = services.getInstance(HomeFiles.class);
            if (clear) {
                out().println(home.clearDefaultPeer() ? "Default peer cleared." : "No default peer was set.");
                return 0;
            }
            if (name == null) {
                out().println(home.readDefaultPeer().orElse("No default peer set."));
                return 0;
            }
            if (services.getInstance(TrustedPeerStore.class).findByName(name).isEmpty()) {
                err().println("No trusted peer named '" + name + "'.");
                return 1;
            }
            home.writeDefaultPeer(name);
            out().println("Default peer is now: " + name);
            return 0;
        }
    }

    @Command(name = "describe", description = "Show or override a peer's description.")
    static final class PeersDescribe extends PeerCommand {
        @Parameters(index = "0", description = "peer name")
        String name;

        @Parameters(index = "1", arity = "0..1", description = "description text")
        String text;

        @Option(names = "--clear", description = "clear the override")
        boolean clear;

        @Override
        public Integer call() {
            TrustedPeerStore trust = services().getInstance(TrustedPeerStore.class);
            Optional<TrustedPeer> peer = trust.find(name);
            if (peer.isEmpty()) {
                err().println("No peer named '" + name + "'.");
                return 1;
            }
            if (clear || text != null) {
                trust.setDescriptionOverride(name, clear ? "" : text);
                out().println(clear ? "Description override cleared for " + peer.get().name() + "."
                        : "Description override saved for " + peer.get().name() + ".");
                return 0;
            }
            TrustedPeer p = peer.get();
            if (!p.descriptionOverride().isBlank()) {
                out().println("override: " + p.descriptionOverride());
            }
            if (!p.description().isBlank()) {
                out().println("broadcast: " + p.description());
            }
            if (p.descriptionOverride().isBlank() && p.description().isBlank()) {
                out().println("(no description yet — the host sends one when it has `opendesk describe` set)");
            }
            return 0;
        }
    }

    @Command(name = "describe", description = "Show, set or clear this host's broadcast description.")
    static final class Describe extends PeerCommand {
        @Parameters(arity = "0..1", description = "description text")
        String text;

        @Option(names = "--clear", description = "clear the description")
        boolean clear;

        @Override
        public Integer call() {
            HomeFiles home = services().getInstance(HomeFiles.class);
            String current = home.readDescription();
            if (clear) {
                if (current.isBlank()) {
                    out().println("No description was set.");
                } else {
                    home.writeDescription("");
                    out().println("Description cleared.");
                }
                return 0;
            }
            if (text == null) {
                out().println(current.isBlank() ? "(no description set)" : current);
                return 0;
            }
            home.writeDescription(text);
            out().println("Description saved.  Next session will broadcast it.");
            return 0;
        }
    }
}
