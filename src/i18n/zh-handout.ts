// Chinese for the printed handout's own words (what it prints of a view, its progress) and the
// charging panel's list of sites.
export const zhHandout = {
  'handout.progress': '正在准备讲解材料：第 {i} 页，共 {n} 页',
  'handout.progressOne': '正在准备讲解材料…',
  'handout.cancel': '取消',
  'handout.cancelLabel': '取消准备讲解材料',
  'handout.about': '本视图说明',
  'chglist.title': '充电站点列表',
  'chglist.intro': '按县区列出全部站点，点选即在地图上显示该站点。',
  'chglist.illustrativeNote': '示意站点',
  'chglist.group': '{area} · 站点 {n} 个',
  'chglist.noDistrict': '县区不明',
  'chglist.item': '{kind} · {status}',
} as const;
