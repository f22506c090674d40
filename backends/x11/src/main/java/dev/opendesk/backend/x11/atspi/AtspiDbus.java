package dev.opendesk.backend.x11.atspi;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;

/**
 * The D-Bus interfaces of AT-SPI 2 that opendesk calls, declared for dbus-java's proxies (method
 * names are the D-Bus member names), and the structures they return. Only the members used are
 * declared; see at-spi2-core's {@code xml/*.xml} for the full interfaces.
 */
final class AtspiDbus {
    /** Coordinate type of Component calls: relative to the screen. */
    static final UInt32 COORD_SCREEN = new UInt32(0);

    static final String ACCESSIBLE = "org.a11y.atspi.Accessible";
    static final String ACTION = "org.a11y.atspi.Action";
    static final String COMPONENT = "org.a11y.atspi.Component";
    static final String EDITABLE_TEXT = "org.a11y.atspi.EditableText";
    static final String TEXT = "org.a11y.atspi.Text";
    static final String VALUE = "org.a11y.atspi.Value";

    /** The registry: its root object's children are the applications. */
    static final String REGISTRY = "org.a11y.atspi.Registry";
    static final String ROOT_PATH = "/org/a11y/atspi/accessible/root";
    /** The path AT-SPI uses for "no object". */
    static final String NULL_PATH = "/org/a11y/atspi/null";

    private AtspiDbus() {
    }

    /** {@code org.a11y.Bus} at {@code /org/a11y/bus} on the session bus: where the accessibility bus is. */
    @DBusInterfaceName("org.a11y.Bus")
    public interface A11yBus extends DBusInterface {
        String GetAddress();
    }

    /** {@code org.a11y.atspi.Accessible}: every node of the tree. */
    @DBusInterfaceName(ACCESSIBLE)
    public interface Accessible extends DBusInterface {
        List<ObjectReference> GetChildren();

        UInt32 GetRole();

        String GetRoleName();

        String GetLocalizedRoleName();

        List<UInt32> GetState();

        Map<String, String> GetAttributes();

        List<String> GetInterfaces();
    }

    /** {@code org.a11y.atspi.Component}: geometry and focus. */
    @DBusInterfaceName(COMPONENT)
    public interface Component extends DBusInterface {
        Extents GetExtents(UInt32 coordType);

        boolean GrabFocus();
    }

    /** {@code org.a11y.atspi.Text}. */
    @DBusInterfaceName(TEXT)
    public interface Text extends DBusInterface {
        String GetText(int startOffset, int endOffset);
    }

    /** {@code org.a11y.atspi.EditableText}. */
    @DBusInterfaceName(EDITABLE_TEXT)
    public interface EditableText extends DBusInterface {
        boolean SetTextContents(String newContents);
    }

    /** {@code org.a11y.atspi.Action}. */
    @DBusInterfaceName(ACTION)
    public interface Action extends DBusInterface {
        /** Per action: localized name, description, key binding. */
        List<ActionInfo> GetActions();

        String GetName(int index);

        boolean DoAction(int index);
    }

    /** A remote accessible object: {@code (so)}, bus name and object path. */
    public static final class ObjectReference extends Struct {
        @Position(0)
        private final String busName;
        @Position(1)
        private final DBusPath path;

        public ObjectReference(String busName, DBusPath path) {
            this.busName = busName;
            this.path = path;
        }

        public String getBusName() {
            return busName;
        }

        public DBusPath getPath() {
            return path;
        }
    }

    /** {@code (iiii)}: x, y, width, height. */
    public static final class Extents extends Struct {
        @Position(0)
        private final int x;
        @Position(1)
        private final int y;
        @Position(2)
        private final int width;
        @Position(3)
        private final int height;

        public Extents(int x, int y, int width, int height) {
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
        }

        public int getX() {
            return x;
        }

        public int getY() {
            return y;
        }

        public int getWidth() {
            return width;
        }

        public int getHeight() {
            return height;
        }
    }

    /** {@code (sss)}: one action's localized name, description and key binding. */
    public static final class ActionInfo extends Struct {
        @Position(0)
        private final String name;
        @Position(1)
        private final String description;
        @Position(2)
        private final String keyBinding;

        public ActionInfo(String name, String description, String keyBinding) {
            this.name = name;
            this.description = description;
            this.keyBinding = keyBinding;
        }

        public String getName() {
            return name;
        }

        public String getDescription() {
            return description;
        }

        public String getKeyBinding() {
            return keyBinding;
        }
    }
}
