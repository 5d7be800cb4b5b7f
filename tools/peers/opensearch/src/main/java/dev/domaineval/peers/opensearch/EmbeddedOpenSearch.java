package dev.domaineval.peers.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginsService;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts a single OpenSearch node inside this JVM, with its plugins taken from the classpath, bound to 127.0.0.1.
 *
 * <pre>
 * java -cp CLASSPATH dev.domaineval.peers.opensearch.EmbeddedOpenSearch --home DIR [--port 9200] [--transport-port 9300-9399]
 * </pre>
 *
 * {@code DIR} receives config/, data/ and logs/. The port may also come from {@code OPENSEARCH_PORT}. The embedded
 * start skips OpenSearch's bootstrap checks and security manager (they live in its Bootstrap class): this is for
 * local development and tests only.
 */
public final class EmbeddedOpenSearch {
    private static PrintStream out = System.out;
    private static PrintStream err = System.err;

    /** Plugins Argilla needs; the node refuses to run without any of them. */
    static final List<Class<? extends Plugin>> REQUIRED_PLUGINS =
        List.of(Netty4Plugin.class, PainlessPlugin.class, KnnIndexSettingPlugin.class);

    /** Node exposes the constructor that takes classpath plugins only to subclasses. */
    static final class ClasspathPluginNode extends Node {
        ClasspathPluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parseArgs(args);
        Path home = Path.of(required(options, "home")).toAbsolutePath();
        String httpPort = options.getOrDefault("port", System.getenv().getOrDefault("OPENSEARCH_PORT", "9200"));
        String transportPort = options.getOrDefault("transport-port", "9300-9399");

        Path config = Files.createDirectories(home.resolve("config"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path logs = Files.createDirectories(home.resolve("logs"));
        // LogConfigurator.configure refuses to run without a log4j2.properties in the config dir.
        try (InputStream in = EmbeddedOpenSearch.class.getResourceAsStream("/log4j2.properties")) {
            Files.copy(in, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", "domain-eval-peers")
            .put("node.name", "peers-0")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("discovery.type", "single-node")
            // a nearly full CI disk must not turn indices read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("node.portsfile", true)
            .build();
        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> "peers-0");
        // LogConfigurator redirects System.out/err into log4j: keep the real streams for our own lines.
        out = System.out;
        err = System.err;
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("peers-0");
        LogConfigurator.configure(environment);

        Node node = new ClasspathPluginNode(environment, REQUIRED_PLUGINS);
        checkPlugins(node);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace(err);
            } finally {
                stopped.countDown();
            }
        }, "opensearch-shutdown"));

        node.start();
        out.println("[embedded-opensearch] started: http://127.0.0.1:" + httpPort + " home=" + home);
        stopped.await();
    }

    /** Classpath plugins that fail to load are only logged at debug level: check the list ourselves. */
    static void checkPlugins(Node node) {
        PluginsService plugins = node.injector().getInstance(PluginsService.class);
        Set<String> loaded = new TreeSet<>();
        for (Plugin plugin : plugins.filterPlugins(Plugin.class)) {
            loaded.add(plugin.getClass().getName());
        }
        out.println("[embedded-opensearch] plugins loaded: " + loaded);
        Set<String> missing = new TreeSet<>();
        for (Class<? extends Plugin> required : REQUIRED_PLUGINS) {
            if (!loaded.contains(required.getName())) {
                missing.add(required.getName());
            }
        }
        if (!missing.isEmpty()) {
            err.println("[embedded-opensearch] FATAL: required plugins did not load: " + missing
                + " (check that their jars are on the classpath and on the same OpenSearch version)");
            System.exit(3);
        }
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("--" + name + " is required");
        }
        return value;
    }

    static void usage(String problem) {
        err.println("embedded-opensearch: " + problem + "\nusage: EmbeddedOpenSearch --home DIR "
            + "[--port 9200] [--transport-port 9300-9399]");
        System.exit(2);
    }
}
