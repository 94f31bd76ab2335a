package examops.incident;

/** Where an incident is in its lifecycle. */
public enum IncidentState {
  REPORTED("reported"),
  ACKNOWLEDGED("acknowledged"),
  ASSIGNED("assigned"),
  RESOLVED("resolved");

  private final String wireName;

  IncidentState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
