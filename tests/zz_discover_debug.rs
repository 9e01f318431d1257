use std::path::PathBuf;
use crosscheck::discover::{self, words};
#[test]
#[ignore]
fn dump() {
    let dir = std::env::var("DIR").unwrap();
    let corpus = crosscheck::corpus::load(&[PathBuf::from(&dir)]).unwrap();
    let arts = &corpus.articles;
    let mut w = words::Weights::default();
    for a in arts { for s in &a.sentences { w.add_sentence(s.slice(&a.text)); } }
    let mut all = Vec::new();
    for (i, a) in arts.iter().enumerate() {
        for c in discover::candidates(a, i) {
            println!("{:>3} {} {:<22} {:<10} {:?} {:?}", all.len(), i, c.amount.canonical(), c.head.clone().unwrap_or_default(), c.key, c.pattern);
            all.push(c);
        }
    }
    for g in discover::group(&all, &w) {
        println!("GROUP");
        for &x in &g { println!("   {} {} {:?}", x, all[x].amount.canonical(), all[x].key); }
        for &x in &g { for &y in &g { if x < y { println!("     sim {} {} {:.2}", x, y, discover::similarity(&all[x].key, &all[y].key, &w)); } } }
    }
    // near misses
    for i in 0..all.len() { for j in i+1..all.len() {
        let (a,b)=(&all[i],&all[j]);
        if a.article!=b.article && a.amount.unit==b.amount.unit && a.head==b.head {
            let s=discover::similarity(&a.key,&b.key,&w);
            if s>=0.15 && s<0.3 { println!("NEAR {:.2} {} {} | {} {}", s, i, a.amount.canonical(), j, b.amount.canonical()); }
        }
    }}
}
