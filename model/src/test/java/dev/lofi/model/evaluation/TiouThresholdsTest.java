package dev.lofi.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TiouThresholdsTest {

  @Test
  void activityNetThresholdsAreNumpysLinspaceToTheBit() {
    // np.linspace(0.5, 0.95, 10).tolist()
    assertThat(TiouThresholds.ACTIVITYNET.values()).containsExactly(
        0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95);
    assertThat(TiouThresholds.parse("0.5:0.95:10")).isEqualTo(TiouThresholds.ACTIVITYNET);
  }

  @Test
  void thumosThresholdsAreNumpysLinspaceToTheBit() {
    // np.linspace(0.3, 0.7, 5).tolist()
    assertThat(TiouThresholds.THUMOS.values()).containsExactly(0.3, 0.39999999999999997, 0.5, 0.6, 0.7);
    assertThat(TiouThresholds.protocol("thumos")).isEqualTo(TiouThresholds.THUMOS);
    assertThat(TiouThresholds.protocol("ActivityNet")).isEqualTo(TiouThresholds.ACTIVITYNET);
  }

  @Test
  void oneThresholdIsFromAndAnEqualRangeRepeatsIt() {
    assertThat(TiouThresholds.parse("0.5:0.5:1").values()).containsExactly(0.5);
    assertThat(TiouThresholds.parse(" 0.7 : 0.7 : 3 ").values()).containsExactly(0.7, 0.7, 0.7);
  }

  @Test
  void printsAsItsSpecification() {
    assertThat(TiouThresholds.ACTIVITYNET).hasToString("0.5:0.95:10");
    assertThat(TiouThresholds.parse("0:1:11")).hasToString("0:1:11");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.5:0.95|tIoU thresholds '0.5:0.95': expected FROM:TO:N, e.g. 0.5:0.95:10",
      "0.5:0.95:10:2|expected FROM:TO:N",
      "a:0.95:10|FROM 'a' is not a number",
      "0.5::10|TO '' is not a number",
      "0.5:0.95:2.5|N '2.5' is not a whole number",
      "0.5:NaN:3|TO 'NaN' is not a number",
      "0.9:0.5:10|tIoU thresholds 0.9:0.5:10: need 0 <= FROM <= TO <= 1",
      "-0.1:0.5:3|need 0 <= FROM <= TO <= 1",
      "0.5:1.5:3|need 0 <= FROM <= TO <= 1",
      "0.5:0.95:0|tIoU thresholds 0.5:0.95:0: need N >= 1",
      "0.5:0.95:1|one threshold needs FROM == TO"})
  void malformedThresholdsSayWhatIsWrong(String text, String message) {
    assertThatIllegalArgumentException().isThrownBy(() -> TiouThresholds.parse(text)).withMessageContaining(message);
  }

  @Test
  void anUnknownProtocolNamesTheKnownOnes() {
    assertThatIllegalArgumentException().isThrownBy(() -> TiouThresholds.protocol("coco"))
        .withMessage("unknown protocol 'coco': expected activitynet or thumos");
  }
}
