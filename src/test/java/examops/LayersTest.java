package examops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import examops.testing.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packages' layering, as ARCHITECTURE.md draws it: vocabulary and province at the bottom, one
 * package per stream above them, the board composing the streams, and the edges (web, rules,
 * notify, report) on top. Dependencies point down only, so no package cycle can come back.
 */
@Tier.Unit
class LayersTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("examops");

  /** The streams: each holds its events, its book and its rules. */
  private static final String[] STREAMS = {
      "examops.alert..", "examops.checkin..", "examops.incident..", "examops.monitoring..",
      "examops.publishing..", "examops.notification.."};

  /** What composes or serves the streams, never below them. */
  private static final String[] ABOVE_STREAMS = {
      "examops.board..", "examops.admission..", "examops.rules..", "examops.notify..", "examops.report..", "examops.web..",
      "examops.access..", "examops.drill.."};

  @Test
  @DisplayName("no two packages depend on each other, directly or through others")
  void noPackageCycles() {
    slices().matching("examops.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  @DisplayName("the vocabulary depends on nothing of ExamOps")
  void vocabularyAtTheBottom() {
    classes().that().resideInAPackage("examops.vocabulary..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("examops.vocabulary..", "java..")
        .check(MAIN);
  }

  @Test
  @DisplayName("the envelope and its typed payloads know the vocabulary and nothing above it")
  void eventAboveTheVocabularyOnly() {
    noClasses().that().resideInAPackage("examops.event..")
        .should().dependOnClassesThat().resideInAnyPackage(
            concat(STREAMS, ABOVE_STREAMS, new String[] {"examops.province..", "examops.clock..", "examops.kafka.."}))
        .check(MAIN);
  }

  @Test
  @DisplayName("the province data knows the vocabulary and nothing of the streams, the clock or the board")
  void provinceBelowTheStreams() {
    noClasses().that().resideInAPackage("examops.province..")
        .should().dependOnClassesThat().resideInAnyPackage(
            concat(STREAMS, ABOVE_STREAMS, new String[] {"examops.clock..", "examops.kafka.."}))
        .check(MAIN);
  }

  @Test
  @DisplayName("a stream's events, book and rules never reach up to the board, the rules loop or the web")
  void streamsBelowTheBoard() {
    noClasses().that().resideInAnyPackage(STREAMS)
        .should().dependOnClassesThat().resideInAnyPackage(ABOVE_STREAMS)
        .check(MAIN);
  }

  @Test
  @DisplayName("the board composes the streams and knows nothing of the web, the rules loop, notifications or the report")
  void boardBelowItsUsers() {
    noClasses().that().resideInAPackage("examops.board..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "examops.web..", "examops.admission..", "examops.rules..", "examops.notify..", "examops.report..",
            "examops.access..")
        .check(MAIN);
  }

  @Test
  @DisplayName("the web translates: it never touches the board's state, only the board's queries and verdicts")
  void webDoesNotTouchTheState() {
    noClasses().that().resideInAPackage("examops.web..")
        .should().dependOnClassesThat().haveFullyQualifiedName("examops.board.BoardState")
        .check(MAIN);
  }

  @Test
  @DisplayName("the rules loop and the notifier read the board through its reading interfaces: no book's writing side is in reach")
  void plannersOnlyRead() {
    noClasses().that().resideInAnyPackage("examops.rules..", "examops.notify..")
        .should().dependOnClassesThat().belongToAnyOf(examops.board.BoardState.class, examops.checkin.CheckInBook.class,
            examops.monitoring.TargetBook.class, examops.monitoring.MaintenanceBook.class, examops.incident.IncidentBook.class,
            examops.publishing.PublishingBook.class, examops.unitreport.UnitReportBook.class, examops.alert.AlertBook.class,
            examops.notification.NotificationBook.class)
        .check(MAIN);
  }

  private static String[] concat(String[]... groups) {
    return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
