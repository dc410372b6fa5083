/** Account security: password rules beyond length (issue 4, attackers). */
export const security: Record<string, string> = {
  'error.password_username': '密码不能包含用户名',
  'error.password_common': '这个密码太常见，很容易被猜中，请换一个',
  'error.body_too_deep': '请求体嵌套过深（超过 {max} 层）',
  'error.bad_url': '网址格式不正确（含有无效的百分号编码）',
};
