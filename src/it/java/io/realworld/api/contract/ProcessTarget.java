package io.realworld.api.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.realworld.api.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Process mode: the packaged jar, unpacked and run the way the Paketo image runs it: the project's
 * processes buildpack runs over the unpacked jar (the image's /workspace) with this JVM as the
 * image's JRE, training the startup cache, and every process is started with the command it
 * declared, in the workspace, with the workspace on CLASSPATH (as Paketo's executable-jar sets it
 * for every process). As root, it is also the image's
 * user and PID 1: {@code unshare --pid --fork --mount-proc} gives the JVM a PID namespace of its
 * own, {@code setpriv} runs it as 1002:1000 (the run image's user) over files owned by 1001:1000
 * (the build image's user) that it cannot write, as in the image [jammy-base stack.toml].
 */
final class ProcessTarget implements AppTarget {

  private static final String RUN_USER = "1002";
  private static final String RUN_GROUP = "1000";
  private static final String BUILD_USER = "1001";

  private final Path basedir = Path.of(System.getProperty("basedir", "."));
  private final Path scratch;
  private final Path workspace;
  private final Path jar;
  private final LayeredJar layeredJar;
  private final String whyNotTheImageUser;
  private final String java = ProcessHandle.current().info().command().orElse("java");
  private final String databasePassword = Canaries.runtime("db-password");
  private Processes processes;
  private int runs;

  private ProcessTarget() {
    jar = basedir.resolve(System.getProperty("verify.jar", "target/api.jar"));
    scratch = createScratchFolder();
    workspace = scratch.resolve("workspace");
    layeredJar = LayeredJar.extract(jar, workspace);
    whyNotTheImageUser = whyNotTheImageUser();
    if (whyNotTheImageUser == null) {
      command("chown", "-R", BUILD_USER + ":" + RUN_GROUP, workspace.toString());
      command("chmod", "-R", "a-w", workspace.toString());
    }
  }

  static ProcessTarget create() {
    return new ProcessTarget();
  }

  @Override
  public AppRun start(Map<String, String> env) {
    return start(processes().defaultType(), env);
  }

  @Override
  public AppRun start(String processType, Map<String, String> env) {
    return start(processType, env, declared(processType).argsByType().get(processType));
  }

  @Override
  public AppRun start(String processType, Map<String, String> env, List<String> runTimeArgs) {
    Processes processes = declared(processType);
    List<String> commandAndArgs = processes.commandsByType().get(processType);
    int declaredArgs = processes.argsByType().get(processType).size();
    List<String> command = new ArrayList<>(
        commandAndArgs.subList(0, commandAndArgs.size() - declaredArgs));
    command.addAll(runTimeArgs);
    if (command.get(0).equals("java")) {
      command.set(0, java);
    }
    return launch(command, env);
  }

  private Processes declared(String processType) {
    Processes processes = processes();
    if (!processes.commandsByType().containsKey(processType)) {
      throw new IllegalStateException("the build declares no process " + processType);
    }
    return processes;
  }

  @Override
  public String databaseUrl() {
    // The embedded server trusts local connections: any password works, so the canary can be one.
    return TestDatabase.url().replace("postgres:postgres@", "postgres:" + databasePassword + "@");
  }

  @Override
  public String databasePassword() {
    return databasePassword;
  }

  /** What buildpacks/processes declares: its bin/build run with the CNB environment it expects. */
  @Override
  public synchronized Processes processes() {
    if (processes == null) {
      processes = ProcessesBuildpack.run(basedir.resolve("buildpacks/processes"), workspace,
          scratch.resolve("processes-buildpack"), Path.of(java).getParent());
    }
    return processes;
  }

  @Override
  public List<String> installedFiles() {
    try (Stream<Path> files = Files.walk(workspace)) {
      return files.filter(Files::isRegularFile).map(file -> workspace.relativize(file).toString())
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Layer> layers() {
    return layeredJar.layers();
  }

  @Override
  public List<Layer> layersAfterSourceChange() {
    String changed = System.getProperty("verify.changedJar", "");
    assumeTrue(!changed.isBlank(), "the build after a source-only change is made by "
        + "scripts/verify-prod.sh (-Dverify.changedJar); this run has one build only");
    return LayeredJar.extract(Path.of(changed), scratch.resolve("changed")).layers();
  }

  @Override
  public List<String> placesHolding(Collection<String> values) {
    SecretScanner scanner = new SecretScanner(values);
    try (var in = Files.newInputStream(jar)) {
      scanner.scan(jar.getFileName().toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the layers the processes buildpack wrote (the startup cache), as the image has them
    processes();
    scanner.scanTree("/layers", scratch.resolve("processes-buildpack/layers"));
    return scanner.scanTree("/workspace", workspace).places();
  }

  @Override
  public void assumeRunsAsImageUser() {
    assumeTrue(whyNotTheImageUser == null, whyNotTheImageUser);
  }

  @Override
  public Optional<BuiltImage> image() {
    return Optional.empty();
  }

  private synchronized AppRun launch(List<String> command, Map<String, String> env) {
    List<String> full = new ArrayList<>();
    if (whyNotTheImageUser == null) {
      full.addAll(List.of("unshare", "--pid", "--fork", "--mount-proc"));
      full.addAll(asImageUser());
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).directory(workspace.toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    // Paketo's executable-jar process prepends the application directory to CLASSPATH.
    environment.put("CLASSPATH", workspace.toString());
    environment.put("PORT", Integer.toString(freePort()));
    environment.putAll(env);
    int run = ++runs;
    Path stdout = scratch.resolve("run-" + run + ".stdout");
    Path stderr = scratch.resolve("run-" + run + ".stderr");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    String port = environment.get("PORT");
    try {
      return new ProcessRun(builder.start(), port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1,
          stdout, stderr, this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + full, e);
    }
  }

  /** Runs {@code command} as the image's user (or as the current user where that is impossible). */
  int runAsServiceUser(String... command) {
    List<String> full = new ArrayList<>(whyNotTheImageUser == null ? asImageUser() : List.of());
    full.addAll(List.of(command));
    try {
      return new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String applicationDirectory() {
    return workspace.toString();
  }

  private static List<String> asImageUser() {
    return List.of("setpriv", "--reuid=" + RUN_USER, "--regid=" + RUN_GROUP, "--clear-groups");
  }

  /** Null when the image's user, PID namespace and file ownership can be reproduced here. */
  private static String whyNotTheImageUser() {
    String uid = new com.sun.security.auth.module.UnixSystem().getUid() + "";
    if (!uid.equals("0")) {
      return "process mode runs as UID " + uid + ", not root: it cannot run the JVM as PID 1 and"
          + " as UID " + RUN_USER + " over files owned by UID " + BUILD_USER
          + " (run it as root, or in image mode)";
    }
    for (String tool : List.of("unshare", "setpriv", "chown")) {
      if (Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")
          .noneMatch(dir -> Files.isExecutable(Path.of(dir, tool)))) {
        return tool + " (util-linux) is not installed: the image's user and PID namespace"
            + " cannot be reproduced";
      }
    }
    return null;
  }

  private static Path createScratchFolder() {
    try {
      // Readable by the image's user, who must reach the application directory inside.
      Path folder = Files.createTempDirectory("api-contract-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system cleans it up in the end
    }
  }

  private static void command(String... command) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The project's processes buildpack, run outside any builder, with {@code javaBin} first on PATH
   * as the build's JRE (it trains the startup cache with it).
   */
  private static final class ProcessesBuildpack {

    static Processes run(Path buildpack, Path applicationDirectory, Path folder, Path javaBin) {
      Path build = buildpack.resolve("bin/build");
      if (!Files.isExecutable(build)) {
        throw new IllegalStateException(build + " is missing: the build declares no processes");
      }
      try {
        Path layers = Files.createDirectories(folder.resolve("layers"));
        Path platform = Files.createDirectories(folder.resolve("platform/env"));
        Path plan = Files.writeString(folder.resolve("plan.toml"), "");
        ProcessBuilder builder = new ProcessBuilder(build.toAbsolutePath().toString(),
            layers.toString(), platform.getParent().toString(), plan.toString())
            .directory(applicationDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("build.log").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        // without a path of its own (the command is unknown), this JVM is the java on PATH
        env.put("PATH", (javaBin == null ? "" : javaBin + ":") + "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", folder.toString());
        env.put("CNB_LAYERS_DIR", layers.toString());
        env.put("CNB_PLATFORM_DIR", platform.getParent().toString());
        env.put("CNB_BP_PLAN_PATH", plan.toString());
        env.put("CNB_BUILDPACK_DIR", buildpack.toAbsolutePath().toString());
        env.put("CNB_TARGET_OS", "linux");
        env.put("CNB_TARGET_ARCH", "amd64");
        int exit = builder.start().waitFor();
        if (exit != 0) {
          throw new IllegalStateException(build + " exited " + exit + ": "
              + Files.readString(folder.resolve("build.log")));
        }
        return parse(new TomlMapper().readTree(layers.resolve("launch.toml").toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static Processes parse(JsonNode launch) {
      String defaultType = null;
      Map<String, List<String>> argsByType = new LinkedHashMap<>();
      Map<String, List<String>> commandsByType = new LinkedHashMap<>();
      for (JsonNode process : launch.path("processes")) {
        String type = process.path("type").asText();
        List<String> args = strings(process.path("args"));
        List<String> command = new ArrayList<>(strings(process.path("command")));
        command.addAll(args);
        argsByType.put(type, args);
        commandsByType.put(type, command);
        if (process.path("default").asBoolean(false)) {
          defaultType = type;
        }
      }
      return new Processes(defaultType, argsByType, commandsByType);
    }

    private static List<String> strings(JsonNode array) {
      List<String> strings = new ArrayList<>();
      array.forEach(node -> strings.add(node.asText()));
      return strings;
    }
  }
}
