package dev.lofi.model.nd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the losses or heads, whose arithmetic autograd records, calls an {@code NDArray} op
 * with a {@code Number} operand ({@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)},
 * ...), the use-after-free trap {@link Scalars} explains. Checked on the compiled classes: such a
 * call puts the descriptor {@code (Ljava/lang/Number;)Lai/djl/ndarray/NDArray;} into the class's
 * constant pool.
 */
class NoNumberOperandsTest {

  private static final String LOSSES = "dev/lofi/model/loss";
  private static final String HEADS = "dev/lofi/model/head";
  private static final byte[] NUMBER_OPERAND =
      "(Ljava/lang/Number;)Lai/djl/ndarray/NDArray;".getBytes(StandardCharsets.UTF_8);

  @Test
  void lossesAndHeadsUseScalarsInstead() throws IOException, URISyntaxException {
    Path classes = Path.of(Scalars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes.resolve(LOSSES)).isDirectory();
    List<Path> offenders;
    try (Stream<Path> files = Stream.of(LOSSES, HEADS).map(classes::resolve).filter(Files::isDirectory)
        .flatMap(NoNumberOperandsTest::walk)) {
      offenders = files.filter(p -> p.toString().endsWith(".class")).filter(NoNumberOperandsTest::usesNumberOperand)
          .map(classes::relativize).toList();
    }
    assertThat(offenders).as("classes calling NDArray ops with a Number operand").isEmpty();
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean usesNumberOperand(Path classFile) {
    try {
      byte[] bytes = Files.readAllBytes(classFile);
      outer:
      for (int i = 0; i + NUMBER_OPERAND.length <= bytes.length; i++) {
        for (int j = 0; j < NUMBER_OPERAND.length; j++) {
          if (bytes[i + j] != NUMBER_OPERAND[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
