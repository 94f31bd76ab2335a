package examops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Surefire runs the unit tier and Failsafe the others: a test class with no tier would run in neither. */
@Tier.Unit
class TiersTest {

  @Test
  @DisplayName("every test class carries exactly one tier (unit, broker, browser or cluster)")
  void everyTestClassHasOneTier() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(TiersTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> testClasses = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, TiersTest.class.getClassLoader());
        if (!hasTests(c)) continue;
        testClasses.add(name);
        long tiers = Arrays.stream(c.getAnnotations()).filter(a -> a.annotationType().getEnclosingClass() == Tier.class).count();
        if (tiers != 1) wrong.add(name + " has " + tiers);
      }
    }
    assertThat(testClasses).as("test classes found").hasSizeGreaterThan(50).contains(TiersTest.class.getName());
    assertThat(wrong).as("test classes without exactly one tier").isEmpty();
  }

  private static boolean hasTests(Class<?> c) {
    for (Method m : c.getDeclaredMethods()) {
      for (Annotation a : m.getAnnotations()) {
        String n = a.annotationType().getName();
        if (n.equals("org.junit.jupiter.api.Test") || n.startsWith("org.junit.jupiter.params.ParameterizedTest")
            || n.equals("org.junit.jupiter.api.RepeatedTest") || n.equals("org.junit.jupiter.api.TestFactory")) return true;
      }
    }
    return false;
  }
}
