package dev.opendesk.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The three service definitions, generated on any OS and checked as their managers would read them. */
final class ServiceFilesTest {
    @TempDir
    Path work;

    @Test
    void systemdUnitRunsServeAndRestartsOnFailure() {
        String unit = ServiceFiles.systemdUnit(new ServiceSpec(List.of("/opt/opendesk/opendesk"), 9000, null));
        assertThat(unit).contains("\nExecStart=/opt/opendesk/opendesk serve --port 9000\n")
                .contains("\nRestart=on-failure\n").contains("\nRestartSec=5\n").contains("\nType=simple\n")
                .contains("\nWantedBy=default.target\n").startsWith("[Unit]\nDescription=opendesk serve");
        String quoted = ServiceFiles.systemdUnit(new ServiceSpec(List.of("/opt/my apps/opendesk"), 8423, Path.of("/home/a b/.od%x$y")));
        assertThat(quoted).contains("\nExecStart=\"/opt/my apps/opendesk\" serve --port 8423 --home \"/home/a b/.od%%x$$y\"\n");
        assertThat(ServiceFiles.systemdQuote("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
    }

    @Test
    void systemdUnitPassesSystemdAnalyzeVerify() throws Exception {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(tool)) {
            System.err.println("ServiceFilesTest: systemd-analyze verify skipped: /usr/bin/systemd-analyze is not installed");
            Assumptions.abort("systemd-analyze is not installed");
        }
        Path directory = Files.createDirectories(work.resolve("with space"));
        Path launcher = directory.resolve("opendesk");
        Files.writeString(launcher, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path unit = work.resolve(ServiceFiles.SYSTEMD_UNIT);
        Files.writeString(unit, ServiceFiles.systemdUnit(new ServiceSpec(List.of(launcher.toString()), 8423, work.resolve("home dir"))));
        Process verify = new ProcessBuilder(tool.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // only complaints about our unit count (the container's own units may be odd)
        List<String> ours = output.lines().filter(l -> l.contains(ServiceFiles.SYSTEMD_UNIT)).toList();
        assertThat(ours).as("systemd-analyze verify said:\n%s", output).isEmpty();
        assertThat(verify.exitValue()).as("systemd-analyze verify said:\n%s", output).isZero();
    }

    @Test
    void launchdPlistIsValidXmlWithTheRightKeys() throws Exception {
        String plist = ServiceFiles.launchdPlist(new ServiceSpec(List.of("/Applications/Open Desk/opendesk"), 8423,
                Path.of("/Users/me/<odd & home>")), Path.of("/Users/me/<odd & home>"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Element dict = (Element) builder.parse(new ByteArrayInputStream(plist.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getElementsByTagName("dict").item(0);
        List<Element> children = new ArrayList<>();
        NodeList nodes = dict.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) nodes.item(i));
            }
        }
        java.util.Map<String, Element> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < children.size(); i += 2) {
            assertThat(children.get(i).getTagName()).isEqualTo("key");
            values.put(children.get(i).getTextContent(), children.get(i + 1));
        }
        assertThat(values).containsKeys("Label", "ProgramArguments", "RunAtLoad", "KeepAlive", "StandardOutPath", "StandardErrorPath");
        assertThat(values.get("Label").getTextContent()).isEqualTo("com.opendesk.serve");
        assertThat(values.get("RunAtLoad").getTagName()).isEqualTo("true");
        assertThat(values.get("KeepAlive").getTagName()).isEqualTo("true");
        NodeList arguments = values.get("ProgramArguments").getElementsByTagName("string");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < arguments.getLength(); i++) {
            words.add(arguments.item(i).getTextContent());
        }
        assertThat(words).containsExactly("/Applications/Open Desk/opendesk", "serve", "--port", "8423", "--home", "/Users/me/<odd & home>");
        assertThat(values.get("StandardOutPath").getTextContent()).isEqualTo("/Users/me/<odd & home>/serve.log");
        assertThat(values.get("StandardErrorPath").getTextContent()).isEqualTo("/Users/me/<odd & home>/serve.err");
    }

    @Test
    void schtasksQuotesAProgramPathWithSpaces() {
        ServiceSpec spec = new ServiceSpec(List.of("C:\\Program Files\\opendesk\\opendesk.cmd"), 8423, null);
        assertThat(ServiceFiles.schtasksTaskCommand(spec)).isEqualTo("\"C:\\Program Files\\opendesk\\opendesk.cmd\" serve --port 8423");
        List<String> create = ServiceFiles.schtasksCreate(spec);
        assertThat(create).containsExactly("schtasks", "/create", "/sc", "onlogon", "/tn", "opendesk", "/tr",
                "\"C:\\Program Files\\opendesk\\opendesk.cmd\" serve --port 8423", "/rl", "limited", "/f");
        assertThat(ServiceFiles.windowsCommandLine(create)).isEqualTo("schtasks /create /sc onlogon /tn opendesk /tr "
                + "\"\\\"C:\\Program Files\\opendesk\\opendesk.cmd\\\" serve --port 8423\" /rl limited /f");

        ServiceSpec java = new ServiceSpec(List.of("C:\\Program Files\\Java\\bin\\java.exe", "-jar", "C:\\My Apps\\opendesk-app.jar"),
                9000, Path.of("C:\\Users\\Me Too\\.opendesk"));
        assertThat(ServiceFiles.schtasksTaskCommand(java)).isEqualTo("\"C:\\Program Files\\Java\\bin\\java.exe\" -jar "
                + "\"C:\\My Apps\\opendesk-app.jar\" serve --port 9000 --home \"C:\\Users\\Me Too\\.opendesk\"");
        assertThat(ServiceFiles.windowsCommandLine(List.of("a\\\\", "b c\\", "plain"))).isEqualTo("a\\\\ \"b c\\\\\" plain");
    }
}
