package examops.province;

import examops.vocabulary.Channel;
import examops.vocabulary.IncidentCategory;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything ExamOps knows about one province's exam window, as loaded from its data file.
 *
 * <p>A class rather than a record because it keeps lookup indexes next to the lists: the reducer
 * looks up a target or district for every event. Build one with {@link ProvinceLoader}, which
 * validates first; the constructor assumes valid content (on duplicate ids the first one wins).
 */
public final class Province {

  private final String id;
  private final LocalizedText name;
  private final LocalizedText authority;
  private final LocalizedText exam;
  private final ZoneId zone;
  private final ExamWindow window;
  private final List<District> districts;
  private final List<Target> targets;
  private final List<PublishingItem> publishing;
  private final List<ExamSession> timetable;
  private final CheckinPolicy checkins;
  private final List<Contact> contacts;
  private final List<MaintenanceWindow> maintenance;
  private final GradingPeriod grading;
  private final AfterExam afterExam;
  private final List<Department> departments;

  private final Map<String, District> districtsById = new LinkedHashMap<>();
  private final Map<String, ExamSite> sitesById = new LinkedHashMap<>();
  private final Map<String, Target> targetsById = new LinkedHashMap<>();
  private final Map<String, PublishingItem> itemsByKey = new LinkedHashMap<>();

  /**
   * The one constructor ({@link ProvinceParser} calls it once the file is valid).
   *
   * @param grading the grading period, or null when the file gives none
   * @param afterExam the stages after the exam ({@link AfterExam#NONE} or null: none)
   * @param departments the provincial departments that report beside the district units (none: empty)
   */
  public Province(
      String id,
      LocalizedText name,
      LocalizedText authority,
      LocalizedText exam,
      ZoneId zone,
      ExamWindow window,
      List<District> districts,
      List<Target> targets,
      List<PublishingItem> publishing,
      List<ExamSession> timetable,
      CheckinPolicy checkins,
      List<Contact> contacts,
      List<MaintenanceWindow> maintenance,
      GradingPeriod grading,
      AfterExam afterExam,
      List<Department> departments) {
    this.id = id;
    this.name = name;
    this.authority = authority;
    this.exam = exam;
    this.zone = zone;
    this.window = window;
    this.districts = List.copyOf(districts);
    this.targets = List.copyOf(targets);
    this.publishing = List.copyOf(publishing);
    this.timetable = List.copyOf(timetable);
    this.checkins = checkins;
    this.contacts = List.copyOf(contacts);
    this.maintenance = List.copyOf(maintenance);
    this.grading = grading;
    this.afterExam = afterExam == null ? AfterExam.NONE : afterExam;
    this.departments = List.copyOf(departments);
    for (District d : this.districts) {
      districtsById.putIfAbsent(d.id(), d);
      d.sites().forEach(s -> sitesById.putIfAbsent(s.id(), s));
    }
    this.targets.forEach(t -> targetsById.putIfAbsent(t.id(), t));
    this.publishing.forEach(p -> itemsByKey.putIfAbsent(p.key(), p));
  }

  public String id() { return id; }

  public LocalizedText name() { return name; }

  /** The body running the window (Sở TT&TT). */
  public LocalizedText authority() { return authority; }

  /** The exam's name, e.g. "Kỳ thi tốt nghiệp THPT năm 2020". */
  public LocalizedText exam() { return exam; }

  public ZoneId zone() { return zone; }

  public ExamWindow window() { return window; }

  public List<District> districts() { return districts; }

  public List<Target> targets() { return targets; }

  public List<PublishingItem> publishing() { return publishing; }

  /** Timetable entries in time order. */
  public List<ExamSession> timetable() { return timetable; }

  public CheckinPolicy checkins() { return checkins; }

  public List<Contact> contacts() { return contacts; }

  public List<MaintenanceWindow> maintenance() { return maintenance; }

  /** The grading period (the grading sites' phase), when the file gives one. */
  public Optional<GradingPeriod> grading() {
    return Optional.ofNullable(grading);
  }

  /** The stages after the exam days (results, choice adjustment, postal delivery) and the unit reports' due date. */
  public AfterExam afterExam() {
    return afterExam;
  }

  /** The provincial departments that submit an end-of-window report beside the district units. */
  public List<Department> departments() {
    return departments;
  }

  public Optional<Department> department(String departmentId) {
    return departments.stream().filter(d -> d.id().equals(departmentId)).findFirst();
  }

  /** The grading sites (điểm chấm thi) of every district. */
  public List<ExamSite> gradingSites() {
    return sitesById.values().stream().filter(ExamSite::grading).toList();
  }

  public Optional<District> district(String districtId) {
    return Optional.ofNullable(districtsById.get(districtId));
  }

  public Optional<ExamSite> site(String siteId) {
    return Optional.ofNullable(sitesById.get(siteId));
  }

  public List<ExamSite> sites() {
    return List.copyOf(sitesById.values());
  }

  public Optional<Target> target(String targetId) {
    return Optional.ofNullable(targetsById.get(targetId));
  }

  /** The targets of one district (its server room, portal and site links). */
  public List<Target> targetsOf(String districtId) {
    return targets.stream().filter(t -> districtId.equals(t.district())).toList();
  }

  /** The targets of one exam site. */
  public List<Target> targetsAtSite(String siteId) {
    return targets.stream().filter(t -> siteId.equals(t.site())).toList();
  }

  /** A checklist item by its channel's wire name (e.g. "radio") and item id. */
  public Optional<PublishingItem> publishingItem(String channel, String item) {
    return Channel.fromWireName(channel).flatMap(c -> publishingItem(c, item));
  }

  public Optional<PublishingItem> publishingItem(Channel channel, String item) {
    return Optional.ofNullable(itemsByKey.get(channel.wireName() + ":" + item));
  }

  public Optional<ExamSession> session(String sessionId) {
    return timetable.stream().filter(s -> s.id().equals(sessionId)).findFirst();
  }

  /** Who answers for a district (its own contacts only, not the provincial ones). */
  public List<Contact> contactsOf(String districtId) {
    return contacts.stream().filter(c -> districtId.equals(c.district())).toList();
  }

  /** Who handles a category of incident. */
  public List<Contact> contactsFor(IncidentCategory category) {
    return contacts.stream().filter(c -> c.categories().contains(category)).toList();
  }

  /** The Department's leadership and the Steering Committee: told of everything critical. */
  public List<Contact> leadershipContacts() {
    return contacts.stream().filter(Contact::leadership).toList();
  }

  /** The Department's public feedback contacts (the foot of the notice). */
  public List<Contact> feedbackContacts() {
    return contacts.stream().filter(Contact::feedback).toList();
  }

  /** The planned maintenance windows covering a target at an instant. */
  public List<MaintenanceWindow> maintenanceCovering(String targetId, java.time.Instant t) {
    return maintenance.stream().filter(m -> m.covers(targetId, t)).toList();
  }

  @Override
  public String toString() {
    return "Province[" + id + ", " + districts.size() + " districts, " + targets.size() + " targets]";
  }
}
