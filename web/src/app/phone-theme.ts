/**
 * antd's sizes on a phone: every control at least 44 px tall (WCAG 2.5.5 and the platforms'
 * touch guidance — buttons, inputs, date pickers, radio buttons, pagination, even `size="small"`
 * buttons), menu entries 48 px, and 16 px text, below which iOS zooms into a field on focus.
 */
import type { ThemeConfig } from 'antd';

export const TOUCH_TARGET = 44;

export const PHONE_THEME: Pick<ThemeConfig, 'token' | 'components'> = {
  token: {
    fontSize: 16,
    controlHeight: TOUCH_TARGET,
    controlHeightSM: TOUCH_TARGET,
    controlHeightLG: 48,
  },
  components: {
    Menu: { itemHeight: 48 },
  },
};
