package io.realworld.api.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.buildpacks.Buildpack.Layout;
import io.realworld.api.buildpacks.Buildpack.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * buildpacks/secret-guard fails the build, naming the file or variable, when secret material reached
 * it. Keys are generated here at test time: a key written into this source file would itself be a
 * finding when pack builds the project.
 */
class SecretGuardBuildpackIT {

  private static final Buildpack GUARD = Buildpack.named("secret-guard");
  private static final String PRIVATE_KEY = pem("PRIVATE KEY", newPrivateKey());

  @TempDir
  Path root;

  @Test
  void detect_always_passes_because_a_group_entry_that_fails_detect_fails_the_build() {
    Run detect = GUARD.detect(Layout.in(root));

    assertThat(detect.exitCode()).isZero();
  }

  @Test
  void passes_a_clean_tree_and_says_what_it_checked() {
    Layout layout = Layout.in(root)
        .withFile("pom.xml", "<project/>")
        .withFile("src/main/java/io/example/Main.java", "class Main {}")
        .withBuildVariable("BP_JVM_VERSION", "25");

    Run build = GUARD.build(layout);

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output())
        .contains("checked the names of 2 files")
        .contains("checked the text files")
        .contains("checked 1 build-time variables")
        .contains("no secret material found");
  }

  static Stream<Arguments> secret_files() {
    return Stream.of(
        Arguments.of(".env", "JWT_SECRET=do-not-ship-me\n"),
        Arguments.of("config/.env.production", "DATABASE_URL=postgres://app:pw@db/conduit\n"),
        Arguments.of("src/main/resources/tls/server.pem", PRIVATE_KEY),
        Arguments.of("src/test/java/io/example/KeyFixture.java",
            "class KeyFixture {\n  static final String KEY = \"\"\"\n"
                + PRIVATE_KEY.indent(6) + "      \"\"\";\n}\n"),
        Arguments.of("deploy/id_rsa", pem("OPENSSH PRIVATE KEY", newPrivateKey())),
        Arguments.of("deploy/id_ed25519", "anything"),
        Arguments.of("deploy/tls/server.key", "anything"),
        Arguments.of("certs/keystore.p12", "\u0000\u0001binary"),
        Arguments.of("truststore.jks", "\u0000\u0001binary"),
        Arguments.of(".npmrc", "//registry.npmjs.org/:_authToken=npm_0123456789\n"),
        Arguments.of(".netrc", "machine example.com login me password pw\n"),
        Arguments.of(".pgpass", "db:5432:conduit:app:pw\n"),
        Arguments.of(".git-credentials", "https://me:token@github.com\n"),
        Arguments.of(".aws/config", "[default]\nregion = eu-west-1\n"),
        Arguments.of("gcp/service-account.json",
            "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIE\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secret_files")
  void fails_the_build_naming_the_file(String path, String content) {
    Layout layout = Layout.in(root)
        .withFile("pom.xml", "<project/>")
        .withFile(path, content);

    Run build = GUARD.build(layout);

    assertThat(build.exitCode()).as(build.output()).isNotZero();
    assertThat(build.output()).contains("FAILED").contains(path + ": ");
  }

  static Stream<Arguments> secret_build_variables() {
    return Stream.of(
        Arguments.of("JWT_SECRET", "a-value-that-must-never-be-printed"),
        Arguments.of("BPE_DEFAULT_JWT_SECRET", "a-value-that-must-never-be-printed"),
        Arguments.of("DB_PASSWORD", "a-value-that-must-never-be-printed"),
        Arguments.of("GITHUB_TOKEN", "a-value-that-must-never-be-printed"),
        Arguments.of("DATABASE_URL", "postgres://app:a-value-that-must-never-be-printed@db/conduit"),
        Arguments.of("SIGNING", PRIVATE_KEY + "a-value-that-must-never-be-printed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secret_build_variables")
  void fails_the_build_naming_a_secret_build_variable_but_never_printing_its_value(
      String name, String value) {
    Layout layout = Layout.in(root).withFile("pom.xml", "<project/>").withBuildVariable(name, value);

    Run build = GUARD.build(layout);

    assertThat(build.exitCode()).as(build.output()).isNotZero();
    assertThat(build.output())
        .contains("build variable " + name + ": ")
        .doesNotContain("a-value-that-must-never-be-printed");
  }

  /** What looks like secret material to a careless rule, but is not. */
  @Test
  void passes_code_and_files_that_only_mention_secrets() {
    Layout layout = Layout.in(root)
        .withFile("src/main/java/io/example/PemReader.java",
            "class PemReader {\n  static final String BEGIN = \"-----BEGIN PRIVATE KEY-----\";\n}\n")
        .withFile("docs/keys.md",
            "A key file starts with\n\n-----BEGIN RSA PRIVATE KEY-----\n\nand must never be committed.\n")
        .withFile("src/test/resources/tls/server.crt", pem("CERTIFICATE", newPrivateKey()))
        .withFile("deploy/id_ed25519.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@example.com\n")
        .withFile(".npmrc", "registry=https://registry.npmjs.org/\n")
        .withFile("src/main/java/io/example/Credentials.java", "record Credentials(String user) {}\n")
        .withBuildVariable("JWT_SECRET", "")
        .withBuildVariable("DATABASE_URL", "postgres://db:5432/conduit")
        .withBuildVariable("BP_MAVEN_BUILD_ARGUMENTS", "-Dmaven.test.skip=true package");

    Run build = GUARD.build(layout);

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output()).contains("checked the names of 6 files");
  }

  @Test
  void passes_this_project_s_own_sources() throws IOException {
    Layout layout = Layout.in(root);
    int copied = 0;
    for (String file : TrackedFiles.list()) {
      Path source = Buildpack.PROJECT.resolve(file);
      if (Files.isRegularFile(source)) {
        Path target = layout.app().resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        copied++;
      }
    }

    Run build = GUARD.build(layout);

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output()).contains("checked the names of " + copied + " files");
  }

  private static byte[] newPrivateKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate().getEncoded();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
