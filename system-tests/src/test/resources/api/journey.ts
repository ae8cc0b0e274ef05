// One learner journey driven through the TypeScript client generated from the gateway's merged OpenAPI document,
// as a front end would: certify, record a credit, see it counted in the status. Run by OpenApiClientTest with
// GATEWAY, TOKEN and LEARNER in the environment; exits non-zero, saying why, when any step goes wrong.
import { ComplianceApi, Configuration, CreditsApi, ResponseError } from './src';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

async function journey(): Promise<void> {
  const configuration = new Configuration({ basePath: required('GATEWAY'), accessToken: required('TOKEN') });
  const learnerId = required('LEARNER');
  const compliance = new ComplianceApi(configuration);
  const credits = new CreditsApi(configuration);

  const certifiedOn = new Date();
  certifiedOn.setUTCMonth(certifiedOn.getUTCMonth() - 12);
  const certification = await compliance.putComplianceLearnersLearnerIdCertificationsCredential({
    learnerId, credential: 'CMA_AAMA', certificationRequest: { certifiedOn },
  });
  if (certification.learnerId !== learnerId || !certification.dueDate) {
    throw new Error(`unexpected certification ${JSON.stringify(certification)}`);
  }

  const completedOn = new Date();
  completedOn.setUTCMonth(completedOn.getUTCMonth() - 1);
  const credit = await credits.postCreditsLearnersLearnerIdCredits({
    learnerId,
    idempotencyKey: crypto.randomUUID(),
    recordCredit: {
      activityType: 'ONLINE_WORKSHOP', title: 'Infection control through the generated client', providerName: 'AAMA e-Learning Center',
      completedOn, amount: { value: 2, unit: 'AAMA_CEU' }, categories: [{ category: 'CLINICAL', value: 2 }],
      approval: 'AAMA', contactMinutes: 120,
    },
  });
  if (!credit.id || credit.amount?.value !== 2) {
    throw new Error(`unexpected credit ${JSON.stringify(credit)}`);
  }

  // the status follows the credit through Kafka: wait until it counts
  for (let attempt = 0; attempt < 100; attempt++) {
    const status = await compliance.getComplianceLearnersLearnerIdStatus({ learnerId, credential: 'CMA_AAMA' });
    const counted = status.counted?.find(entry => entry.creditId === credit.id);
    if (counted) {
      const clinical = status.requirements?.find(requirement => requirement.code === 'CLINICAL');
      if (counted.points !== 2 || clinical?.earned !== 2 || status.dueDate?.getTime() !== certification.dueDate.getTime()) {
        throw new Error(`unexpected status ${JSON.stringify(status)}`);
      }
      console.log(`journey done: ${learnerId} ${status.status}, credit ${credit.id} counted ${counted.points} CLINICAL points`);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`credit ${credit.id} was not counted in 20 s`);
}

journey().catch(async error => {
  const detail = error instanceof ResponseError ? `${error.response.status} ${await error.response.text()}` : String(error);
  console.error(`journey failed: ${detail}`);
  process.exitCode = 1;
});
