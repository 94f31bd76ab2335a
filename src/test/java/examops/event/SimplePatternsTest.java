package examops.event;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each loop accepts exactly the strings its pattern matches. */
@Tier.Unit
class SimplePatternsTest {

  /** Every pattern in the published schemas. */
  private static List<String> schemaPatterns() throws IOException {
    TreeSet<String> patterns = new TreeSet<>();
    Matcher m = Pattern.compile("\"pattern\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher("");
    try (Stream<Path> files = Files.list(Path.of("kafka/schemas"))) {
      for (Path f : files.toList()) {
        m.reset(Files.readString(f));
        while (m.find()) patterns.add(m.group(1).replace("\\\\", "\\"));
      }
    }
    return List.copyOf(patterns);
  }

  @Test
  @DisplayName("every pattern in the schemas has a loop, and each agrees with java.util.regex on 100,000 generated strings")
  void agreesWithRegex() throws IOException {
    List<String> patterns = schemaPatterns();
    assertThat(patterns).contains(SimplePatterns.DATE_TIME).hasSizeGreaterThan(3);
    Random random = new Random(9082020);
    String alphabet = "0123456789-:.TZ+aAzZ_/ấ\t";
    for (String regex : patterns) {
      CompiledSchema.Check loop = SimplePatterns.compile(regex);
      assertThat(loop).as(regex).isNotNull();
      Pattern p = Pattern.compile(regex);
      int matched = 0;
      for (int i = 0; i < 100_000; i++) {
        String s = i % 2 == 0 ? mutate(sample(regex, random), random, alphabet) : random(random, alphabet);
        boolean expected = p.matcher(s).lookingAt();
        assertThat(loop.ok(s)).as("%s on '%s'", regex, s).isEqualTo(expected);
        if (expected) matched++;
      }
      assertThat(matched).as("strings matching %s among those generated", regex).isGreaterThan(1000);
    }
  }

  private static String sample(String regex, Random r) {
    if (regex.equals(SimplePatterns.DATE_TIME)) {
      String[] forms = {"2020-08-09T07:05", "2020-08-09T07:05:00", "2020-08-09T07:05:00.1", "2020-08-09T07:05:00.123456789"};
      String[] zones = {"Z", "+07:00", "-00:30"};
      return forms[r.nextInt(forms.length)] + zones[r.nextInt(zones.length)];
    }
    String[] ids = {"an-phu", "dc-core/web.1", "INC-20200809.1:a", "a", "x9", "long-xuyen"};
    return ids[r.nextInt(ids.length)];
  }

  private static String mutate(String s, Random r, String alphabet) {
    StringBuilder b = new StringBuilder(s);
    int edits = r.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(3)) {
        case 0 -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
        case 1 -> b.deleteCharAt(at);
        default -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    return b.toString();
  }

  private static String random(Random r, String alphabet) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return b.toString();
  }

  @Test
  @DisplayName("a pattern with no loop is left to java.util.regex")
  void othersLeftToRegex() {
    assertThat(SimplePatterns.compile("^a(b|c)$")).isNull();
    assertThat(SimplePatterns.compile("^[^a]+$")).isNull();
    assertThat(SimplePatterns.compile("^[\\w]+$")).isNull();
    assertThat(SimplePatterns.compile("[a-z]+")).isNull();
  }
}
