package examops.report;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet would run as formulas. */
@Tier.Unit
class CsvCellTest {

  @Test
  @DisplayName("a cell starting with =, +, -, @, a tab or a carriage return is neutralised with an apostrophe")
  void formulasNeutralised() {
    assertThat(CsvTable.cell("=cmd|' /C calc'!A0")).startsWith("'=");
    assertThat(CsvTable.cell("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvTable.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    assertThat(CsvTable.cell("@SUM(A1)")).startsWith("'@");
    assertThat(CsvTable.cell("Mất mạng")).isEqualTo("Mất mạng");
    assertThat(CsvTable.cell(-3)).isEqualTo("-3");
  }
}
