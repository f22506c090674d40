package dev.opendesk.app.cli;

import com.google.inject.Injector;
import dev.opendesk.app.wiring.AppHome;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.remote.AdminClient;
import dev.opendesk.core.remote.AdminProtocol;
import java.io.IOException;

/** The CLI's use of the running host's admin socket (protocol §13). */
final class AdminAccess {
    private AdminAccess() {
    }

    /** The admin client of the running host, or the reference's error when none runs. */
    static AdminClient require(Injector services) {
        AppHome home = services.getInstance(AppHome.class);
        return AdminClient.connect(home.path()).orElseThrow(() -> new OpendeskException(ErrorCode.NOT_FOUND,
                AdminProtocol.notRunningMessage(home.path())));
    }

    /** Kicks the live session of a peer by name, if a host runs; whether one was kicked. */
    static boolean kickPeer(Injector services, String peerName) {
        AppHome home = services.getInstance(AppHome.class);
        try {
            AdminClient admin = AdminClient.connect(home.path()).orElse(null);
            if (admin == null) {
                return false;
            }
            for (AdminClient.ListedSession listed : admin.list()) {
                if (listed.session().peerName().equals(peerName)) {
                    return admin.kill(listed.session().id());
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Wraps an admin I/O failure as a CLI error. */
    static OpendeskException failed(IOException e) {
        return new OpendeskException(ErrorCode.INTERNAL, "admin socket: " + e.getMessage(), e);
    }
}
