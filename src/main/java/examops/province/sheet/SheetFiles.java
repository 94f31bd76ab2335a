package examops.province.sheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The province as a set of CSV files: their names and columns. Every column the province file can
 * hold has a place, so export then import loses nothing. A column marked required must be in the
 * header; the others may be left out (or left empty), which means the province file's default.
 */
final class SheetFiles {

  static final String PROVINCE = "province.csv";
  static final String DISTRICTS = "districts.csv";
  static final String SITES = "sites.csv";
  static final String TARGETS = "targets.csv";
  static final String PUBLISHING = "publishing.csv";
  static final String TIMETABLE = "timetable.csv";
  static final String CADENCES = "cadences.csv";
  static final String CONTACTS = "contacts.csv";
  static final String MAINTENANCE = "maintenance.csv";
  static final String PROBE_PHASES = "probe-phases.csv";
  static final String AFTER_EXAM = "after-exam.csv";
  static final String DEPARTMENTS = "departments.csv";

  /**
   * Files that may be absent: no check-in cadences, no planned maintenance, no probe settings per
   * phase, nothing watched after the exam, no provincial departments reporting.
   */
  static final Set<String> OPTIONAL = Set.of(CADENCES, MAINTENANCE, PROBE_PHASES, AFTER_EXAM, DEPARTMENTS);

  private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();
  private static final Map<String, Set<String>> REQUIRED = new LinkedHashMap<>();

  static {
    define(PROVINCE, "id*", "name_vi*", "name_en", "authority_vi", "authority_en", "exam_vi*", "exam_en", "zone*",
        "window_start*", "window_end*", "checkin_delayed_after", "grading_start", "grading_end", "grading_estimated",
        "grading_note_vi", "grading_note_en");
    define(DISTRICTS, "id*", "name_vi*", "name_en");
    define(SITES, "id*", "district*", "kind", "name_vi*", "name_en", "address", "checkins", "sample");
    define(TARGETS, "id*", "kind*", "district", "site", "name_vi*", "name_en", "depends_on", "probe_type", "probe_url",
        "probe_expect_status", "probe_host", "probe_port", "probe_interval", "probe_timeout",
        "probe_latency_threshold_ms", "probe_enabled", "failures_to_down", "successes_to_up", "down_alert_after");
    define(PUBLISHING, "channel*", "item*", "name_vi*", "name_en", "due*", "per_district");
    define(TIMETABLE, "id*", "kind*", "name_vi*", "name_en", "open*", "start*", "end*");
    define(CADENCES, "unit*", "phase*", "every*", "grace", "active_from", "active_to");
    define(CONTACTS, "id*", "name_vi*", "name_en", "role_vi", "role_en", "district", "phone", "email", "categories",
        "rules", "min_severity", "language", "leadership", "feedback", "sample");
    define(MAINTENANCE, "id*", "targets*", "from*", "to*", "reason_vi*", "reason_en");
    define(PROBE_PHASES, "target*", "phase*", "interval", "latency_threshold_ms");
    define(AFTER_EXAM, "stage*", "start", "end", "due", "estimated", "note_vi", "note_en");
    define(DEPARTMENTS, "id*", "name_vi*", "name_en");
  }

  private SheetFiles() {}

  private static void define(String file, String... columns) {
    COLUMNS.put(file, java.util.Arrays.stream(columns).map(c -> c.replace("*", "")).toList());
    REQUIRED.put(file, java.util.Arrays.stream(columns).filter(c -> c.endsWith("*"))
        .map(c -> c.replace("*", "")).collect(java.util.stream.Collectors.toUnmodifiableSet()));
  }

  /** Every file, in the order they are read and reported. */
  static List<String> files() {
    return List.copyOf(COLUMNS.keySet());
  }

  static List<String> columns(String file) {
    return COLUMNS.get(file);
  }

  static boolean required(String file, String column) {
    return REQUIRED.get(file).contains(column);
  }

  /** Position of a file in reading order, for sorting problems; unknown files last. */
  static int order(String file) {
    int i = files().indexOf(file);
    return i < 0 ? Integer.MAX_VALUE / 2 : i;
  }
}
