// Checks the contract conventions of proto/ on the generated FileDescriptorSet (which keeps the proto comments):
// events name their Kafka topic and CloudEvents type, RPCs say who calls them and what they return, money is
// always stap.common.v1.Money, grants and payments name their regeling and tijdvak, and no event carries a BSN.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromBinary } from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Type,
  FileDescriptorSetSchema,
  type DescriptorProto,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';

const DESCRIPTOR_SET = path.join(__dirname, 'generated', 'descriptor-set.binpb');
// Field numbers in google/protobuf/descriptor.proto, used in SourceCodeInfo paths.
const FILE_MESSAGE_TYPE = 4;
const FILE_SERVICE = 6;
const SERVICE_METHOD = 2;

const MONEY = '.stap.common.v1.Money';
const TIJDVAK_REF = '.stap.common.v1.TijdvakRef';
const BSN = '.stap.common.v1.Bsn';

const files: FileDescriptorProto[] = fromBinary(FileDescriptorSetSchema, readFileSync(DESCRIPTOR_SET)).file;
const ourFiles = files.filter((file) => file.package.startsWith('stap.'));
const eventFiles = ourFiles.filter((file) => /^stap\.\w+\.events\.v1$/.test(file.package));

function leadingComment(file: FileDescriptorProto, pathInFile: number[]): string {
  const location = file.sourceCodeInfo?.location.find(
    (candidate) => candidate.path.length === pathInFile.length && candidate.path.every((part, i) => part === pathInFile[i]),
  );
  return location?.leadingComments ?? '';
}

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Every message of our packages, with its full name, including nested ones. */
function allMessages(): { fullName: string; message: DescriptorProto; file: FileDescriptorProto }[] {
  const result: { fullName: string; message: DescriptorProto; file: FileDescriptorProto }[] = [];
  const visit = (file: FileDescriptorProto, prefix: string, message: DescriptorProto): void => {
    const fullName = `${prefix}.${message.name}`;
    result.push({ fullName, message, file });
    message.nestedType.forEach((nested) => visit(file, fullName, nested));
  };
  ourFiles.forEach((file) => file.messageType.forEach((message) => visit(file, file.package, message)));
  return result;
}

function findMessage(fullName: string): DescriptorProto {
  const found = allMessages().find((candidate) => candidate.fullName === fullName);
  if (!found) throw new Error(`message ${fullName} is not in the descriptor set`);
  return found.message;
}

describe('contract conventions', () => {
  it('has every context package and its events', () => {
    expect(ourFiles.map((file) => file.package).sort()).toEqual([
      'stap.advice.events.v1',
      'stap.advice.v1',
      'stap.common.v1',
      'stap.external.v1',
      'stap.payments.events.v1',
      'stap.payments.v1',
      'stap.portal.events.v1',
      'stap.portal.v1',
      'stap.providers.events.v1',
      'stap.providers.v1',
      'stap.register.events.v1',
      'stap.register.v1',
    ]);
  });

  it('documents the Kafka topic and CloudEvents type of every event', () => {
    const problems: string[] = [];
    for (const file of eventFiles) {
      const context = file.package.split('.')[1];
      file.messageType.forEach((message, index) => {
        const comment = leadingComment(file, [FILE_MESSAGE_TYPE, index]);
        const expectedType = `Type: nl.stap.${context}.${snakeCase(message.name)}.v1`;
        if (!new RegExp(`Topic: stap\\.${context}\\.[a-z_]+\\.v1`).test(comment)) problems.push(`${message.name}: topic`);
        if (!comment.replace(/\s+/g, ' ').includes(expectedType)) problems.push(`${message.name}: ${expectedType}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('says for every RPC who calls it and what it returns', () => {
    const problems: string[] = [];
    for (const file of ourFiles) {
      file.service.forEach((service, serviceIndex) => {
        service.method.forEach((method, methodIndex) => {
          const comment = leadingComment(file, [FILE_SERVICE, serviceIndex, SERVICE_METHOD, methodIndex]);
          if (!comment.includes('Called by:') || !comment.includes('Returns:')) problems.push(`${service.name}.${method.name}`);
        });
      });
    }
    expect(problems).toEqual([]);
  });

  it('uses stap.common.v1.Money for every money field', () => {
    const moneyName = /(amount|price|budget|ceiling|reserve|co_financing|contribution|committed|remaining|rolled_over_in|rolled_over_out|unused|total|granted|released|paid|recovered|balance|available|financed)/;
    const notMoney = /(_count|_id|_ids|_at|_on|_date|_size|_sequence|_percentage|_reason|_reasons|_status)$|^(granted|paid|recovered)$/;
    // A field may also hold a message made of Money fields (a Price, a set of budget figures, a balance).
    const moneyCarriers = new Set(
      allMessages()
        .filter(({ message }) => message.field.some((field) => field.typeName === MONEY))
        .map(({ fullName }) => `.${fullName}`),
    );
    const holdsMoney = (typeName: string): boolean => typeName === MONEY || moneyCarriers.has(typeName);
    const problems = allMessages()
      .filter(({ fullName }) => fullName !== 'stap.common.v1.Money')
      .flatMap(({ fullName, message }) =>
        message.field
          .filter((field) => moneyName.test(field.name) && !notMoney.test(field.name))
          .filter((field) => field.type !== FieldDescriptorProto_Type.MESSAGE || !holdsMoney(field.typeName))
          .filter((field) => field.type !== FieldDescriptorProto_Type.BOOL)
          .map((field) => `${fullName}.${field.name}`),
      );
    expect(problems).toEqual([]);
  });

  it('names the regeling and tijdvak on every application, trajectory, grant and payment', () => {
    const mustNameTijdvak = [
      'stap.portal.v1.Application',
      'stap.register.v1.ScholingApplication',
      'stap.advice.v1.AdviceTrajectory',
      'stap.advice.v1.Claim',
      'stap.payments.v1.PurchaseOrder',
      'stap.payments.v1.Invoice',
      'stap.payments.v1.Settlement',
      'stap.payments.v1.RecoveryOrder',
      'stap.payments.v1.Payment',
      'stap.portal.events.v1.ApplicationGranted',
      'stap.register.events.v1.ScholingApplicationDecided',
      'stap.advice.events.v1.ClaimAssessed',
      'stap.payments.events.v1.PurchaseOrderIssued',
      'stap.payments.events.v1.PaymentExecuted',
      'stap.payments.events.v1.SettlementDecided',
    ];
    const missing = mustNameTijdvak.filter((name) => !findMessage(name).field.some((field) => field.typeName === TIJDVAK_REF));
    expect(missing).toEqual([]);
  });

  it('keeps BSNs out of every event', () => {
    const eventsWithBsn = allMessages()
      .filter(({ file }) => eventFiles.includes(file))
      .filter(({ message }) => message.field.some((field) => field.typeName === BSN))
      .map(({ fullName }) => fullName);
    expect(eventsWithBsn).toEqual([]);
  });
});
