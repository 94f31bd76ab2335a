package examops.publishing;

/** What may be read of the publishing checklist ({@link PublishingBook}): nothing here changes it. */
public interface PublishingProgress {

  /** An item's status by its key ({@link PublishingBook#key}); not started when never updated. */
  PublishingStatus state(String key);
}
