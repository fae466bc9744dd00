import { surveyUrl } from './urls';

it('addresses the survey desk', () => {
  expect(surveyUrl('jinse')).toBe('/package-staff/pages/survey/index?c=jinse');
});
