/** Account security: password rules beyond length (issue 4, attackers). */
export const security: Record<string, string> = {
  'error.password_username': 'The password must not contain the username',
  'error.password_common': 'This password is too common and easy to guess; choose another',
};
