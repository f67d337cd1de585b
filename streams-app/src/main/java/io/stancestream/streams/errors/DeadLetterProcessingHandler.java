package io.stancestream.streams.errors;

import io.stancestream.streams.validate.RejectReason;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processing exception handler (KIP-1033): when any processor throws on a record (say the analyzer
 * on a pathological text), the record goes to the dead-letter topic with reason {@code
 * processing-failed}, the failing processor and exception as detail and the source record's raw
 * bytes, and processing resumes with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private final DeadLetterHandlers shared = new DeadLetterHandlers();

  @Override
  public void configure(Map<String, ?> configs) {
    shared.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
    return Response.resume(
        shared.records(
            LOG,
            RejectReason.PROCESSING_FAILED.code(),
            new ProcessorFailure(context.processorNodeId(), e),
            context.topic(),
            context.partition(),
            context.offset(),
            context.sourceRawKey(),
            context.sourceRawValue(),
            System.currentTimeMillis()));
  }

  /** Names the processor in the dead letter's detail. */
  private static final class ProcessorFailure extends Exception {
    ProcessorFailure(String processor, Exception cause) {
      super("in processor " + processor + ": " + cause, cause);
    }
  }
}
