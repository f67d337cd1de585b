package io.stancestream.streams.errors;

import io.stancestream.streams.validate.RejectReason;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deserialization exception handler: a record whose key or value cannot be deserialized at a source
 * (the {@code articles} value is read as raw bytes and validated later, so this mostly guards
 * internal topics and keys) goes to the dead-letter topic with reason {@code
 * deserialization-failed} and its original bytes, and processing resumes.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private final DeadLetterHandlers shared = new DeadLetterHandlers();

  @Override
  public void configure(Map<String, ?> configs) {
    shared.configure(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
    return Response.resume(
        shared.records(
            LOG,
            RejectReason.DESERIALIZATION_FAILED.code(),
            e,
            record.topic(),
            record.partition(),
            record.offset(),
            record.key(),
            record.value(),
            System.currentTimeMillis()));
  }
}
