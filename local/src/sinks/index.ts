export { startSmtpSink, type SmtpSink, type ReceivedMail } from './smtpSink';
export { startSmsSink, type SmsSink, type ReceivedSms } from './smsSink';
