package dev.lofi.topics.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.io.IOException;
import java.util.List;

/**
 * A serde of one JSON record type (a Java record whose compact constructor validates). Property
 * names are snake_case; every field must be present (null where the type allows it); unknown
 * fields are ignored, so that records from newer writers still reach older readers.
 */
public final class JsonSerde<T> extends RecordSerde<T> {

  // One mapper for every JSON record, so that all topics agree on names, dates and strictness.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // No silent repairs: 1.5 for an int field or "3" for a number is a writer's bug to surface.
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  public JsonSerde(Class<T> type) {
    this.type = type;
    this.reader = MAPPER.readerFor(type);
    this.writer = MAPPER.writerFor(type);
  }

  @Override
  public byte[] encode(T value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public T decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new RecordFormatException(Reason.EMPTY, type.getSimpleName() + " record has no bytes");
    }
    T value;
    try {
      value = reader.readValue(bytes);
    } catch (ValueInstantiationException e) {
      throw refusedByConstructor(e);
    } catch (MismatchedInputException e) {
      throw new RecordFormatException(Reason.MALFORMED_JSON, type.getSimpleName() + " field '"
          + fieldPath(e.getPath()) + "' is missing or has the wrong type: " + e.getOriginalMessage()
          + location(e.getLocation()), e);
    } catch (JsonProcessingException e) {
      throw new RecordFormatException(Reason.MALFORMED_JSON,
          type.getSimpleName() + " is not valid JSON: " + e.getOriginalMessage() + location(e.getLocation()), e);
    } catch (IOException | RuntimeException e) {
      // Defensive: the reading contract allows no other exception type, whatever Jackson does.
      throw new RecordFormatException(Reason.MALFORMED_JSON,
          type.getSimpleName() + " cannot be read as JSON: " + e, e);
    }
    if (value == null) {
      throw new RecordFormatException(Reason.MALFORMED_JSON, type.getSimpleName() + " record is JSON null");
    }
    return value;
  }

  private RecordFormatException refusedByConstructor(ValueInstantiationException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException) {
        return new RecordFormatException(Reason.INVALID_FIELD,
            type.getSimpleName() + " at '" + fieldPath(e.getPath()) + "': " + cause.getMessage(), e);
      }
    }
    return new RecordFormatException(Reason.MALFORMED_JSON,
        type.getSimpleName() + " cannot be built: " + e.getOriginalMessage() + location(e.getLocation()), e);
  }

  /** Jackson's reference chain as {@code annotations[0].label}; {@code $} for the top level. */
  private static String fieldPath(List<JsonMappingException.Reference> path) {
    StringBuilder joined = new StringBuilder("$");
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        joined.append('.').append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        joined.append('[').append(step.getIndex()).append(']');
      }
    }
    return joined.toString();
  }

  private static String location(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
