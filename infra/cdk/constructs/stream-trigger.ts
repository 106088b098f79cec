// Inserted table items that match a filter reach a function through the table's stream. Failures retry
// (partial batch failures, bisecting); what still fails lands in a dead-letter queue instead of disappearing.
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

export interface StreamTriggerProps {
  fn: lambda.IFunction;
  table: dynamodb.ITableV2;
  retryAttempts: number;
  /** The stream record's `dynamodb` part an inserted item must match. */
  match: Record<string, unknown>;
}

export class StreamTrigger extends Construct {
  constructor(scope: Construct, id: string, props: StreamTriggerProps) {
    super(scope, id);
    const deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(deadLetters, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue (of a stream subscription); it needs none of its own.' },
    ]);
    props.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        retryAttempts: props.retryAttempts,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
        filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT'), dynamodb: props.match })],
      }),
    );
  }
}
