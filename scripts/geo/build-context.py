import json
SH='/work/shared/geo/' if False else '/work/h-geo/../shared/geo/'
ne=json.load(open(SH+'context-ne10m.geojson'))
tr={f['properties']['osm_id']:f for f in json.load(open(SH+'transport.geojson'))['features']}
def r5(c): return [round(c[0],5),round(c[1],5)]
def pt(*ids):
    xs=[tr[i]['geometry']['coordinates'] for i in ids]
    return [round(sum(x[0] for x in xs)/len(xs),5),round(sum(x[1] for x in xs)/len(xs),5)]
feats=[]
for f in ne['features']:
    p=f['properties']; L=p['layer']
    if L=='populated_places_simple': continue
    kind={'railroads':'railway','urban_areas':'built_up'}.get(L) or ('ne_expressway' if p.get('expressway')==1 else 'road')
    g=f['geometry']
    def rnd(c):
        return [rnd(x) for x in c] if isinstance(c[0],list) else r5(c)
    feats.append({'type':'Feature','properties':{'kind':kind,'source':'ne10m','scalerank':p.get('scalerank')},'geometry':{'type':g['type'],'coordinates':rnd(g['coordinates'])}})
# schematic expressways: straight segments junction to junction through OSM junction points
YUEJI=pt('node/3990942580','node/3990942583','node/4693358338')
G3=[pt('node/987991619','node/2343061036','node/987991797','node/1863556944','node/2343060995','node/2343061072'), pt('node/1863548104','node/1949016273'), pt('node/1949056823','node/1949057375'), pt('node/2426889664','node/2426890217'), pt('node/2426889800','node/9336088079')]
G1516=[YUEJI, pt('node/3990942410','node/3990942424'), pt('way/1054144939'), pt('node/1949072873','node/1949057255')]
# G30 from NE (holds within ~1 km): the expressway pieces north of the city, west to east
g30=[]
for f in ne['features']:
    p=f['properties']
    if p.get('expressway')==1 and f['geometry']['type']=='LineString':
        c=f['geometry']['coordinates']
        if min(x[1] for x in c)>34.05: g30.append([r5(x) for x in c])
g30.sort(key=lambda c:c[0][0])
G30=[]
for c in g30:
    G30 += c if not G30 or G30[-1]!=c[0] else c[1:]
def ex(ref,zh,en,geom,basis):
    return {'type':'Feature','properties':{'kind':'expressway_schematic','ref':ref,'name_zh':f'{ref} {zh}','name_en':f'{ref} {en}','basis':basis},'geometry':geom}
feats.append(ex('G3','京台高速','Beijing–Taipei Expwy',{'type':'LineString','coordinates':G3},'osm_junctions'))
feats.append(ex('G1516','盐洛高速','Yancheng–Luoyang Expwy',{'type':'LineString','coordinates':G1516},'osm_junctions'))
feats.append(ex('G30','连霍高速','Lianyungang–Khorgas Expwy',{'type':'LineString','coordinates':G30},'ne10m'))
feats.append(ex('G0321','德上高速','Dezhou–Shangrao Expwy',{'type':'Point','coordinates':YUEJI},'junction_only'))
ctx={'type':'FeatureCollection','name':'context','note':'SCHEMATIC. See PROVENANCE.md §9.','features':feats}
json.dump(ctx,open('/work/h-geo/public/geo/context.geojson','w'),ensure_ascii=False,separators=(',',':'))
# points for distances and labels
P=[]
def place(kind,zh,en,c,source,**kw):
    pr={'kind':kind,'name_zh':zh,'name_en':en,'source':source}; pr.update(kw)
    P.append({'type':'Feature','properties':pr,'geometry':{'type':'Point','coordinates':r5(c)}})
place('centre','淮北市中心（相山区驻地）','Huaibei city centre (Xiangshan seat)',[116.79,33.96],'places.csv')
place('junction','岳集枢纽','Yueji interchange',YUEJI,'osm+provenance',roads='G0321 G1516')
# stations: OSM railway=station via OpenQGIS/OMap-GeoDB (name as in OSM + 站)
for zh,en,c,role in [('淮北北站','Huaibei North','116.84537,34.04847','hsr'),('濉溪站','Suixi','116.77258,33.92528','station'),('岱河站','Daihe','116.82754,33.99505','station'),('青龙山站','Qinglongshan','116.79645,33.8712','yard'),('符离集站','Fuliji','116.9841,33.77069','station'),('萧县北站','Xiaoxian North','116.93624,34.23786','hsr'),('萧县站','Xiaoxian','116.95306,34.17016','station'),('宿州东站','Suzhou East','117.24583,33.67724','hsr'),('徐州东站','Xuzhou East','117.3002,34.26916','hsr'),('徐州站','Xuzhou','117.20176,34.2664','station')]:
    place('station',zh,en,[float(x) for x in c.split(',')],'osm-omap-geodb',role=role)
# cities: Natural Earth 10m populated places
for zh,en,c in [('徐州','Xuzhou',[117.17807444480309,34.28195808500345]),('宿州','Suzhou',[116.97694304138713,33.63805695861305]),('商丘','Shangqiu',[115.64809031393781,34.452361120485875]),('蚌埠','Bengbu',[117.32809112774669,32.95193590889136]),('阜阳','Fuyang',[115.81999995835861,32.90040651349449])]:
    place('city',zh,en,c,'ne10m-populated-places')
# airports: OurAirports runways.csv, midpoint of the runway ends
for zh,en,icao,a,b in [('徐州观音国际机场','Xuzhou Guanyin Intl','ZSXZ',(117.538055,34.058144),(117.574783,34.060555)),('合肥新桥国际机场','Hefei Xinqiao Intl','ZSOF',(116.967504,32.001714),(116.985543,31.975165)),('淮安涟水国际机场','Huai\'an Lianshui Intl','ZSSH',(119.117538,33.782108),(119.135185,33.802601))]:
    place('airport',zh,en,[(a[0]+b[0])/2,(a[1]+b[1])/2],'ourairports-runways',icao=icao)
json.dump({'type':'FeatureCollection','name':'places-context','features':P},open('/work/h-geo/public/geo/places-context.geojson','w'),ensure_ascii=False,indent=0)
print(G3,G1516,G30[:2],len(G30))
