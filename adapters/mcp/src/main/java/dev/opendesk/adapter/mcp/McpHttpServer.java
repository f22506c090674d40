package dev.opendesk.adapter.mcp;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.HttpServeOptions;
import dev.opendesk.spi.RunningServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.DefaultMcpStreamableServerSessionFactory;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over streamable HTTP at {@code /mcp}: the SDK's servlet transport, hosted by an embedded
 * Undertow behind the {@link LocalRequestGuard}.
 */
final class McpHttpServer implements RunningServer {
    static final String PATH = "/mcp";

    private static final Logger LOG = LoggerFactory.getLogger(McpHttpServer.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final Undertow undertow;
    private final DeploymentManager deployment;
    private final HttpServletStreamableServerTransportProvider transport;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;

    private McpHttpServer(Undertow undertow, DeploymentManager deployment, HttpServletStreamableServerTransportProvider transport,
            URI endpoint, Runnable onClose) {
        this.undertow = undertow;
        this.deployment = deployment;
        this.transport = transport;
        this.endpoint = endpoint;
        this.onClose = onClose;
    }

    static McpHttpServer start(McpToolProtocol protocol, HttpServeOptions options, Runnable onClose) {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(options, "options is null");
        boolean loopback = isLoopback(options.host());
        if (!loopback && !options.requiresToken()) {
            LOG.warn("MCP over HTTP on {} without a token: anyone who can reach this address can drive this desktop",
                    options.host());
        }
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(protocol.json())
                .mcpEndpoint(PATH)
                .build();
        transport.setSessionFactory(new DefaultMcpStreamableServerSessionFactory(REQUEST_TIMEOUT, protocol::initialize,
                protocol.requestHandlers(), protocol.notificationHandlers(), sessionId -> Mono.empty()));

        ServletContainer container = Servlets.newContainer();
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(McpHttpServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("opendesk-mcp")
                .addServlet(Servlets.servlet("mcp", HttpServletStreamableServerTransportProvider.class,
                                new ImmediateInstanceFactory<>(transport))
                        .addMapping(PATH)
                        .setAsyncSupported(true));
        DeploymentManager deployment = container.addDeployment(info);
        deployment.deploy();
        Undertow undertow;
        try {
            HttpHandler servlets = deployment.start();
            undertow = Undertow.builder()
                    .addHttpListener(options.port(), options.host())
                    .setHandler(new LocalRequestGuard(servlets, loopback, options.bearerToken()))
                    .build();
            undertow.start();
        } catch (Exception e) {
            stopQuietly(deployment);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new OpendeskException(ErrorCode.INVALID_ARGUMENT,
                    "cannot serve MCP on " + options.host() + ":" + options.port() + ": " + cause.getMessage(), e);
        }
        int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        URI endpoint;
        try {
            endpoint = new URI("http", null, options.host(), port, PATH, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        LOG.info("MCP streamable HTTP at {}", endpoint);
        return new McpHttpServer(undertow, deployment, transport, endpoint, onClose);
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            transport.closeGracefully().block(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debug("closing MCP sessions: {}", e.toString());
        }
        undertow.stop();
        stopQuietly(deployment);
        onClose.run();
    }

    private static void stopQuietly(DeploymentManager deployment) {
        try {
            deployment.stop();
            deployment.undeploy();
        } catch (Exception e) {
            LOG.debug("stopping the servlet deployment: {}", e.toString());
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "unknown host '" + host + "'", e);
        }
    }
}
