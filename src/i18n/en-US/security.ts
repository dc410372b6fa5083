/** Account security: password rules beyond length (issue 4, attackers). */
export const security: Record<string, string> = {
  'error.password_username': 'The password must not contain the username',
  'error.password_common': 'This password is too common and easy to guess; choose another',
  'error.body_too_deep': 'The request body is nested too deeply (more than {max} levels)',
  'error.bad_url': 'The address is malformed (invalid percent-encoding)',
};
