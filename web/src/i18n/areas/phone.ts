/**
 * Messages of the phone-sized pages, local drafts, autosave and the camera (issue 5): zh-CN
 * first; en-US must have every key (the type checks it).
 */
export const phoneZh = {
  'nav.open': '打开菜单',
  'nav.close': '关闭菜单',

  'offline.banner': '网络已断开',
  'offline.bannerHint': '填写的内容保存在本机，联网后会自动保存到服务器。',
  'draft.localFound': '本机有一份尚未保存到服务器的填写内容（{at}）',
  'draft.localHint':
    '可能是网络中断或页面被关闭时留下的。恢复后请核对，联网时会自动保存；放弃则删除这份本地内容。',
  'draft.localNotEditable': '这份报告已提交或您已无权修改，本地内容不能再恢复到报告中。',
  'draft.restore': '恢复本地草稿',
  'draft.discard': '放弃',
  'draft.discardConfirm': '删除本机上的这份填写内容？',
  'draft.offlineSave': '当前没有网络，未能保存到服务器。填写的内容已保存在本机，联网后会自动保存。',
  'draft.offlineSubmit': '当前没有网络，不能提交。填写的内容已保存在本机，联网后再提交。',
  'draft.networkKept': '网络连接中断，未能保存到服务器。填写的内容已保存在本机，请稍后再试。',
  'draft.stateOffline': '离线',
  'draft.stateOfflineKept': '离线：填写的内容已保存在本机，联网后自动保存',
  'draft.stateSaving': '正在自动保存…',
  'draft.stateSaved': '已自动保存（{at}）',
  'draft.stateDirty': '有尚未保存的修改，停止输入几秒后自动保存',
  'draft.stateFailed': '自动保存未成功：{message}',
  'draft.stateNetwork': '网络不稳定，自动保存未成功；填写的内容已保存在本机',
  'draft.savedTimes': '保存了草稿（{n} 次）',

  'evidence.camera': '拍照',
  'evidence.heic':
    '暂不支持 HEIC/HEIF 格式的照片（苹果手机的默认格式，多数办公电脑打不开）。请用“拍照”按钮直接拍摄或从相册选取（会自动转为 JPG），或在手机“设置 → 相机 → 格式”中选择“兼容性最佳”，也可以转换为 JPG 后再上传。',
  'evidence.network': '网络连接中断，文件没有上传成功，请联网后重新上传。',
  'evidence.offline': '当前没有网络，联网后才能上传佐证材料。',
} as const;

export const phoneEn: Record<keyof typeof phoneZh, string> = {
  'nav.open': 'Open the menu',
  'nav.close': 'Close the menu',

  'offline.banner': 'No connection',
  'offline.bannerHint':
    'What you type is kept on this device and saved to the server once the connection is back.',

  'draft.localFound': 'This device holds typing not yet saved to the server ({at})',
  'draft.localHint':
    'It was probably left when the connection dropped or the page was closed. Restore it and check it; it is saved by itself when online. Discard deletes it.',
  'draft.localNotEditable':
    'This report has been submitted or you may no longer edit it: the copy on this device cannot be restored into it.',
  'draft.restore': 'Restore the local draft',
  'draft.discard': 'Discard',
  'draft.discardConfirm': 'Delete the copy on this device?',
  'draft.offlineSave':
    'No connection: not saved to the server. What you typed is kept on this device and saved once online.',
  'draft.offlineSubmit':
    'No connection: cannot submit. What you typed is kept on this device; submit once online.',
  'draft.networkKept':
    'The connection dropped: not saved to the server. What you typed is kept on this device; try again later.',
  'draft.stateOffline': 'Offline',
  'draft.stateOfflineKept': 'Offline: kept on this device, saved once online',
  'draft.stateSaving': 'Saving…',
  'draft.stateSaved': 'Saved automatically ({at})',
  'draft.stateDirty': 'Unsaved changes; saved a few seconds after you stop typing',
  'draft.stateFailed': 'Not saved automatically: {message}',
  'draft.stateNetwork': 'Unstable connection, not saved automatically; kept on this device',
  'draft.savedTimes': 'saved the draft ({n} times)',

  'evidence.camera': 'Camera',
  'evidence.heic':
    "HEIC/HEIF photos (the iPhone camera's own format, which most office PCs cannot open) are not accepted. Take the photo with the “Camera” button or pick it from the photo library (both send JPG), or set Settings → Camera → Formats to “Most Compatible”, or convert it to JPG first.",
  'evidence.network': 'The connection dropped and the file was not uploaded; upload it again once online.',
  'evidence.offline': 'No connection: evidence files can be uploaded once online.',
};
