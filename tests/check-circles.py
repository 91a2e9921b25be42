#!/usr/bin/python3
# check-circles.py: no circle between the files of src/.
#
# A file depends on another when it includes its header (a .c file's
# includes; a private header belongs to the file named before "-private").
# Two files that depend on each other, directly or through others, are a
# circle: one of them must report through a signal, an action or a callback.
import os,re,sys
from collections import defaultdict
root=sys.argv[1] + '/src' if len(sys.argv) > 1 else 'src'
mods=defaultdict(set); files={}
def mod(name):
    b=os.path.basename(name)
    b=re.sub(r'\.(c|h)$','',b)
    b=re.sub(r'-(private|impl)$','',b)
    return b
for d,_,fs in os.walk(root):
    for f in fs:
        if f.endswith(('.c','.h')):
            p=os.path.join(d,f); files[p]=mod(p)
known=set(files.values())
for p,m in files.items():
    if not p.endswith('.c'): continue
    for line in open(p,encoding='utf-8',errors='replace'):
        mm=re.match(r'\s*#\s*include\s*"([^"]+)"',line)
        if mm:
            t=mod(mm.group(1))
            if t in known and t!=m: mods[m].add(t)
# Tarjan
index={};low={};st=[];on=set();res=[];i=[0]
sys.setrecursionlimit(10000)
def sc(v):
    index[v]=low[v]=i[0];i[0]+=1;st.append(v);on.add(v)
    for w in mods[v]:
        if w not in index: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],index[w])
    if low[v]==index[v]:
        comp=[]
        while True:
            w=st.pop();on.discard(w);comp.append(w)
            if w==v:break
        if len(comp)>1: res.append(sorted(comp))
for v in sorted(known):
    if v not in index: sc(v)
for c in res: print('a circle between files: '+' ↔ '.join(c))
sys.exit(1 if res else 0)
