// Chinese for what the browser's storage did: a sentence on why, then one on what it means for
// the data concerned (src/i18n/storage-text.ts puts them together). Never the exception's own text.
export const zhStorage = {
  'storage.why.timeout': '本机浏览器的存储没有响应。',
  'storage.why.unavailable': '这个浏览器不允许本网站在本机保存数据（例如无痕浏览，或存储已被关闭）。',
  'storage.why.full': '本机浏览器的存储空间已满。',
  'storage.why.failed': '本机浏览器的存储出错了。',
  'storage.imports.read':
    '之前保存在本机的导入暂时无法显示，地图先显示内置数据；现在导入的数据刷新页面后可能丢失。',
  'storage.imports.save': '这次导入的数据未能保存在本机：刷新页面后将丢失。',
  'storage.imports.remove': '这份导入未能从本机删除：刷新页面后可能再次出现。',
  'storage.entered.read': '本机录入的数值暂时无法显示；现在录入的数值刷新后可能丢失。',
  'storage.entered.save': '这些数值未能保存在本机：刷新后会丢失。',
  'storage.entered.remove': '这项数值未能从本机删除：刷新后可能再次出现。',
  'storage.briefings.read': '本机保存的演示暂时无法显示；现在的修改刷新后可能丢失。',
  'storage.briefings.save': '演示未能保存在本机：刷新后这些修改会丢失。',
  'storage.briefings.remove': '这份演示未能从本机删除：刷新后可能再次出现。',
  'storage.detail': '浏览器的说明：{detail}',
  'storage.reading': '正在读取本机保存的导入…',
  'storage.report.saving': '正在保存到本机…保存完成前刷新页面，这次导入将丢失。',
  'storage.report.cut':
    '本机只保存了这份报告的前 {kept} 行，其余 {n} 行没有保存（完整报告只能在导入后立即下载）。全部 {total} 行按原因统计：',
  'storage.report.reason': '原因（以第一次出现的行为例）',
  'storage.report.count': '行数',
  'storage.report.downloadKept': '下载保存的 {n} 行报告',
} as const;
