package examops.board;

/** One entity of the board that changed: {@code id} is null for whole sections (clock, stats). */
public record Change(Section section, String id) {}
